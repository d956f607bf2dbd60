package org.halo.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.halo.testing.FelixHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feature is bundles plus default configuration: a feature that includes the distribution's "vrrp"
 * feature, adds the sample bundle and configures it, starts with the component already configured.
 */
class FeatureConfigurationTest {

    @TempDir
    Path home;

    @Test
    void featureConfigurationsAreAppliedBeforeComponentsStart() throws Exception {
        Path dist = FelixHarness.findDistribution();
        String version = System.getProperty("halo.version");
        Files.createDirectories(home.resolve("bundle"));
        Files.createDirectories(home.resolve("etc/features"));
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dist.resolve("bundle"), "*.jar")) {
            for (Path j : jars) {
                Files.createSymbolicLink(home.resolve("bundle").resolve(j.getFileName()), j);
            }
        }
        Files.createSymbolicLink(home.resolve("bundle/org.halo.itest.sample-" + version + ".jar"), Paths.sampleJar().toAbsolutePath());
        Files.copy(dist.resolve("etc/features/vrrp.json"), home.resolve("etc/features/vrrp.json"));
        Files.copy(dist.resolve("etc/halo.properties"), home.resolve("etc/halo.properties"));
        Files.writeString(home.resolve("etc/features/sample.json"), """
                { "feature-resource-version": "1.0", "id": "org.halo:halo-itest:osgifeature:sample:%1$s",
                  "bundles": [ { "id": "org.halo:org.halo.itest.sample:%1$s", "start-order": 2 } ],
                  "configurations": { "org.halo.itest.sample": { "greeting": "from-feature" } },
                  "extensions": { "halo.includes": { "type": "artifacts", "kind": "mandatory",
                    "artifacts": [ { "id": "org.halo:halo-features:osgifeature:vrrp:%1$s" } ] } } }
                """.formatted(version));

        try (FelixHarness h = FelixHarness.builder().distribution(home).feature("sample").start()) {
            // No waiting: when start() returns, every start level is reached and the component is configured.
            Map<String, Object> props = h.awaitService(Paths.SAMPLE, "(sample=configured)", Duration.ZERO);
            assertEquals("from-feature", props.get("greeting"));
            assertEquals(2, h.bundle("org.halo.itest.sample").adapt(org.osgi.framework.startlevel.BundleStartLevel.class).getStartLevel());
        }
    }
}
