package org.halo.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class AsyncHandlerTest {

    /** A target that records messages and can be held up, like a console blocked on a full pipe. */
    private static final class Recording extends Handler {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch release;

        Recording(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void publish(LogRecord r) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void callerDoesNotWaitForASlowTargetAndOrderIsKept() {
        CountDownLatch release = new CountDownLatch(1);
        Recording target = new Recording(release);
        AsyncHandler h = new AsyncHandler(List.of(target));
        for (int i = 0; i < 100; i++) {
            h.publish(new LogRecord(Level.INFO, "line " + i));
        }
        // a publish that waited for the target would only return once the target gave up (10 s) and wrote
        assertTrue(target.seen.isEmpty(), "publishing returned while the target was held up, nothing written yet");
        release.countDown();
        h.flush();
        assertEquals(100, target.seen.size(), "flush returns once everything queued is written");
        for (int i = 0; i < 100; i++) {
            assertEquals("line " + i, target.seen.get(i));
        }
    }

    @Test
    void closeWritesWhatIsQueued() {
        CountDownLatch release = new CountDownLatch(1);
        Recording target = new Recording(release);
        AsyncHandler h = new AsyncHandler(List.of(target));
        h.publish(new LogRecord(Level.INFO, "Stopping"));
        h.publish(new LogRecord(Level.INFO, "Stopped Halo"));
        release.countDown();
        h.close();
        assertEquals(List.of("Stopping", "Stopped Halo"), target.seen);
    }
}
