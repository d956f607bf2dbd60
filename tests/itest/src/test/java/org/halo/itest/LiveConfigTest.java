package org.halo.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.halo.testing.FelixHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A .cfg in deploy/ configures a component through ConfigAdmin; editing it updates the component live. */
class LiveConfigTest {

    private static FelixHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = FelixHarness.builder().bundle(Paths.sampleJar()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void cfgFileConfiguresComponentAndEditsApplyLive() throws Exception {
        h.awaitService(Paths.SAMPLE, "(sample=plain)", Duration.ofSeconds(10));
        assertThrows(TimeoutException.class,
                () -> h.awaitService(Paths.SAMPLE, "(sample=configured)", Duration.ofMillis(300)),
                "configuration-required component must not exist before its .cfg");

        Path cfg = h.deployDir().resolve("org.halo.itest.sample.cfg");
        Files.writeString(cfg, "greeting=hello\n");
        Map<String, Object> first = h.awaitService(Paths.SAMPLE, "(&(sample=configured)(greeting=hello))", Duration.ofSeconds(20));

        Files.writeString(cfg, "greeting=bonjour\n");
        // FileInstall notices changes by modification time; make sure it moves even on a coarse clock.
        Files.setLastModifiedTime(cfg, FileTime.fromMillis(System.currentTimeMillis() + 2_000));
        Map<String, Object> second = h.awaitService(Paths.SAMPLE, "(&(sample=configured)(greeting=bonjour))", Duration.ofSeconds(20));
        assertEquals(first.get("service.id"), second.get("service.id"), "updated in place, not re-registered");

        Files.delete(cfg);
        h.awaitServiceGone(Paths.SAMPLE, "(sample=configured)", Duration.ofSeconds(20));
        h.awaitService(Paths.SAMPLE, "(sample=plain)", Duration.ofSeconds(1));
    }

    @Test
    void gogoCommandsRunInTheFramework() throws Exception {
        String lb = h.execute("lb");
        assertTrue(lb.lines().anyMatch(l -> l.contains("Active") && l.contains("Apache Felix Declarative Services")), lb);
        assertTrue(lb.lines().anyMatch(l -> l.contains("Active") && l.contains("Halo itest sample")), lb);
        FelixHarness.CommandFailedException e =
                assertThrows(FelixHarness.CommandFailedException.class, () -> h.execute("no-such-command"));
        assertTrue(e.getMessage().contains("no-such-command"), e.getMessage());
    }
}
