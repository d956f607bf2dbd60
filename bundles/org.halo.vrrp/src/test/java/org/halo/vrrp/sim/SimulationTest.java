package org.halo.vrrp.sim;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Deterministic simulation of 2-8 routers under loss, one-way partitions, delays, crashes/restarts,
 * priority changes and track failures. Runs {@code vrrp.sim.scenarios} seeds (default 2000) starting at
 * {@code vrrp.sim.firstSeed}; {@code -Dvrrp.sim.seed=N} replays one seed and prints its full trace.
 */
class SimulationTest {

    @Test
    void scenarios() throws IOException {
        String one = System.getProperty("vrrp.sim.seed");
        long first = Long.getLong("vrrp.sim.firstSeed", 1);
        int count = Integer.getInteger("vrrp.sim.scenarios", 2000);
        if (one != null) {
            first = Long.parseLong(one);
            count = 1;
        }
        long start = System.nanoTime();
        long routers = 0;
        long transitions = 0;
        for (long seed = first; seed < first + count; seed++) {
            Scenario s = new Scenario(seed);
            String failure = s.run();
            routers += s.n;
            transitions += s.lan.transitions.size();
            if (one != null) {
                Path dir = Path.of("target", "vrrp-sim");
                Files.createDirectories(dir);
                Path file = dir.resolve("seed-" + seed + ".log");
                Files.write(file, s.lan.trace);
                System.out.println(String.join("\n", s.lan.trace));
                System.err.println("replayed " + s.summary + " -> " + (failure == null ? "passed" : failure)
                        + "; trace: " + file.toAbsolutePath());
            }
            if (failure != null) {
                Path dir = Path.of("target", "vrrp-sim");
                Files.createDirectories(dir);
                Path file = dir.resolve("seed-" + seed + ".log");
                Files.write(file, s.lan.trace);
                int from = Math.max(0, s.lan.trace.size() - 60);
                fail("VRRP simulation failed: " + failure + "\n" + s.summary + "\nreplay: mvn -o test -f "
                        + "bundles/org.halo.vrrp/pom.xml -Dtest=SimulationTest -Dvrrp.sim.seed=" + seed
                        + "\nfull trace: " + file.toAbsolutePath() + "\nlast lines:\n"
                        + String.join("\n", s.lan.trace.subList(from, s.lan.trace.size())));
            }
        }
        System.out.printf("VRRP simulation: %d scenarios (%d routers, %d transitions) passed in %.1f s%n", count,
                routers, transitions, (System.nanoTime() - start) / 1e9);
    }
}
