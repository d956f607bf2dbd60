package org.halo.itest.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.halo.testing.FelixHarness;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * A checker that never returns from check() and one that spins a core inside check() only hurt their
 * own targets: a vrrp_script check next to them keeps its rhythm. Measured: the gaps between the script's
 * actual runs (timestamps written by the script itself) and the check loop's lateness, without and with
 * the bad checkers. (No VRRP engine is wired to the plug-in API yet, so advert gaps are not measured here.)
 */
class CheckerIsolationTest {

    record Gaps(int runs, long maxMs, long meanMs) {
    }

    static Gaps gaps(Path runs, long fromNanosEpoch) throws Exception {
        List<Long> t = Files.readAllLines(runs).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(Long::parseLong).filter(x -> x >= fromNanosEpoch).toList();
        long max = 0;
        long sum = 0;
        for (int i = 1; i < t.size(); i++) {
            long g = t.get(i) - t.get(i - 1);
            max = Math.max(max, g);
            sum += g;
        }
        return new Gaps(t.size(), max / 1_000_000, t.size() > 1 ? sum / (t.size() - 1) / 1_000_000 : 0);
    }

    static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Test
    void hangingAndSpinningCheckersDoNotDelayOtherChecks() throws Exception {
        Path work = Files.createTempDirectory("halo-iti");
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean spin = new AtomicBoolean(true);
        try (FelixHarness h = FelixHarness.builder().start()) {
            Path runs = work.resolve("runs");
            Path script = work.resolve("stamp.sh");
            Files.writeString(script, "#!/bin/sh\ndate +%s%N >> " + runs + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Plugins.cfg(h, "org.halo.vrrp.script-stamp.cfg", Map.of("name", "stamp", "script", script.toString(),
                    "interval", "0.05", "timeout", "2"));
            Plugins.awaitCheck(h, "vrrp_script:stamp", r -> r.health().equals("UP") && r.probes() > 5,
                    Duration.ofSeconds(30));

            long t0 = epochNanos();
            h.execute("halo:checkloop reset");
            Thread.sleep(3000);
            String loopBase = h.execute("halo:checkloop reset").trim();
            Gaps base = gaps(runs, t0);

            ServiceRegistration<?> hang = Plugins.registerChecker(h, "HANG", id -> {
                try {
                    release.await(); // never returns while the test runs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.completedFuture(null);
            });
            ServiceRegistration<?> spinner = Plugins.registerChecker(h, "SPIN", id -> {
                long x = 0;
                while (spin.get()) {
                    x++; // burns a core, ignores interrupts
                }
                return CompletableFuture.completedFuture(null);
            });
            Plugins.cfg(h, "org.halo.check-hang.cfg", Map.of("type", "HANG", "halo.check.id", "hang",
                    "delay_loop", "0.05", "connect_timeout", "0.1"));
            Plugins.cfg(h, "org.halo.check-spin.cfg", Map.of("type", "SPIN", "halo.check.id", "spin",
                    "delay_loop", "0.05", "connect_timeout", "0.1"));
            Plugins.awaitCheck(h, "hang", r -> r.health().equals("DOWN") && r.timeouts() > 0, Duration.ofSeconds(30));
            Plugins.awaitCheck(h, "spin", r -> r.health().equals("DOWN") && r.timeouts() > 0, Duration.ofSeconds(30));
            long before = Plugins.checks(h).get("vrrp_script:stamp").probes();

            long t1 = epochNanos();
            h.execute("halo:checkloop reset");
            Thread.sleep(3000);
            String loopBad = h.execute("halo:checkloop reset").trim();
            Gaps bad = gaps(runs, t1);
            Plugins.Row stamp = Plugins.checks(h).get("vrrp_script:stamp");

            System.out.printf("script check every 50 ms, 3 s each:%n  alone:                      %d runs, gap max %d ms,"
                    + " mean %d ms; %s%n  with hung + spinning checker: %d runs, gap max %d ms, mean %d ms; %s%n",
                    base.runs(), base.maxMs(), base.meanMs(), loopBase, bad.runs(), bad.maxMs(), bad.meanMs(), loopBad);
            System.out.println(h.execute("halo:checkers"));

            assertEquals("UP", stamp.health());
            assertEquals(0, stamp.timeouts(), "the script check never timed out");
            assertTrue(stamp.probes() - before >= 10, "the script check kept running: " + (stamp.probes() - before));
            assertTrue(bad.runs() >= 10, "script ran " + bad.runs() + " times");
            hang.unregister();
            spinner.unregister();
            Plugins.awaitCheck(h, "hang", r -> !r.checker(), Duration.ofSeconds(10));
        } finally {
            release.countDown();
            spin.set(false);
            FelixHarnessCleanup.deleteTree(work);
        }
    }
}
