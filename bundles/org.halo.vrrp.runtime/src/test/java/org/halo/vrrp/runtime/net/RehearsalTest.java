package org.halo.vrrp.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The rehearsal runs through the Linux port over kernel services that do nothing, and cleans up after itself. */
class RehearsalTest {

    @Test
    void rehearsesThreeTakeoversARoundAndLeavesNoThreadBehind() throws Exception {
        assertEquals(8 * 3, Rehearsal.run(8));
        // the port's announce thread is shut down with it
        long end = System.nanoTime() + 2_000_000_000L;
        while (announceThreads() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(0, announceThreads(), "no vrrp-announce thread left: " + Thread.getAllStackTraces().keySet());
    }

    private static long announceThreads() {
        Set<Thread> all = Thread.getAllStackTraces().keySet();
        assertTrue(!all.isEmpty());
        return all.stream().filter(t -> t.getName().equals("vrrp-announce") && t.isAlive()).count();
    }
}
