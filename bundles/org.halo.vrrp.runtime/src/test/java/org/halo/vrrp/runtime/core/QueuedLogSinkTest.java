package org.halo.vrrp.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.halo.vrrp.engine.LogSink;
import org.junit.jupiter.api.Test;

class QueuedLogSinkTest {

    @Test
    void linesArriveInOrderOnTheWriterThreadAndCloseWritesTheRest() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        QueuedLogSink sink = new QueuedLogSink((level, message) -> {
            seen.add(message);
            threads.add(Thread.currentThread().getName());
        }, "test-log");
        for (int i = 0; i < 1000; i++) {
            sink.log(LogSink.Level.INFO, "line " + i);
        }
        sink.close();
        assertEquals(1000, seen.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals("line " + i, seen.get(i));
        }
        assertTrue(threads.stream().allMatch("test-log"::equals), "written by the sink's thread");
    }

    @Test
    void aSlowTargetDoesNotHoldTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        QueuedLogSink sink = new QueuedLogSink((level, message) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(message);
        }, "test-log");
        sink.log(LogSink.Level.INFO, "a");
        sink.log(LogSink.Level.INFO, "b");
        // a caller that waited for the target would only get here after the 10 s timeout, with lines written
        assertTrue(seen.isEmpty(), "returned while the target was held up");
        release.countDown();
        sink.close();
        assertEquals(List.of("a", "b"), seen);
    }
}
