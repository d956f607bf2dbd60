package org.halo.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The nice value through JNA is per thread, as the SIGTERM handler relies on; checked on a thread of its own. */
class YieldCpuOnStopTest {

    @Test
    void setpriorityLowersOnlyTheNamedThreadAndNewThreadsInheritIt() throws Exception {
        AtomicInteger mine = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger child = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger other = new AtomicInteger(Integer.MIN_VALUE);
        int before = LibC.INSTANCE.getpriority(0, tid());
        Thread t = new Thread(() -> {
            try {
                int tid = tid();
                // raising one's own nice value needs no privilege
                LibC.INSTANCE.setpriority(0, tid, 15);
                mine.set(LibC.INSTANCE.getpriority(0, tid));
                Thread c = new Thread(() -> child.set(LibC.INSTANCE.getpriority(0, 0)));
                c.start();
                c.join();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        other.set(LibC.INSTANCE.getpriority(0, tid()));
        assertEquals(15, mine.get(), "the thread's own nice value");
        assertEquals(15, child.get(), "a thread started afterwards inherits it");
        assertEquals(before, other.get(), "the test thread keeps its own");
    }

    @Test
    void everyThreadOfTheProcessIsListed() throws Exception {
        long listed;
        try (var s = Files.list(Path.of("/proc/self/task"))) {
            listed = s.count();
        }
        assertTrue(listed >= 2, "a JVM has several threads: " + listed);
    }

    private static int tid() throws Exception {
        // /proc/thread-self -> "PID/task/TID"
        return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }
}
