package org.halo.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.halo.testing.FelixHarness;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** deploy/ is live: a bundle jar copied in starts its services, deleting it takes them away, no restart. */
class HotDeployTest {

    @Test
    void bundleJarInDeployBringsServiceUpAndRemovingItTakesItDown() throws Exception {
        try (FelixHarness h = FelixHarness.builder().start()) {
            assertThrows(TimeoutException.class,
                    () -> h.awaitService(Paths.SAMPLE, "(sample=plain)", Duration.ofMillis(300)));
            long frameworkStart = h.context().getBundle(0).getLastModified();

            Path deployed = Files.copy(Paths.sampleJar(), h.deployDir().resolve("sample.jar"));
            Map<String, Object> props = h.awaitService(Paths.SAMPLE, "(sample=plain)", Duration.ofSeconds(20));
            assertEquals("plain", props.get("sample"));
            Bundle b = h.bundle("org.halo.itest.sample");
            assertEquals(Bundle.ACTIVE, b.getState());
            assertEquals(Bundle.ACTIVE, h.context().getBundle(0).getState(), "framework kept running");
            assertEquals(frameworkStart, h.context().getBundle(0).getLastModified(), "framework was not restarted");

            Files.delete(deployed);
            h.awaitServiceGone(Paths.SAMPLE, null, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (h.bundle("org.halo.itest.sample") != null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertNull(h.bundle("org.halo.itest.sample"), "bundle uninstalled");
        }
    }
}
