package org.halo.linux.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.halo.linux.Netns;
import org.halo.linux.api.LinkEvent;
import org.junit.jupiter.api.Test;

/**
 * When the monitor's socket buffer overflows (ENOBUFS), link events are lost; the monitor must then
 * report every link's current state. "lo" never changes here, so an event for it can only come from
 * that re-read.
 */
class LinkMonitorOverflowNetnsTest {

    @Test
    void overflowTriggersFullReRead() throws Exception {
        Netns.requireRoot();
        try (Netns a = Netns.create("a"); Netns b = Netns.create("b")) {
            Netns.veth(a, "hza", b, "hzb");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch sawLo = new CountDownLatch(1);
            LinkMonitor monitor = a.call(() -> LinkMonitor.start((LinkEvent e) -> {
                try {
                    release.await(10, TimeUnit.SECONDS); // hold the thread so the socket buffer fills up
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                if (e.link().name().equals("lo") && !e.removed()) {
                    sawLo.countDown();
                }
            }, 1024));
            try {
                Path batch = Files.createTempFile("halo-linkflap", ".ip");
                StringBuilder cmds = new StringBuilder();
                for (int i = 0; i < 100; i++) {
                    cmds.append("link set hza down\nlink set hza up\n");
                }
                Files.writeString(batch, cmds);
                try {
                    a.ip("-batch", batch.toString());
                } finally {
                    Files.delete(batch);
                }
                release.countDown();
                assertTrue(sawLo.await(10, TimeUnit.SECONDS), "no full re-read after ENOBUFS");
            } finally {
                monitor.close();
            }
        }
    }
}
