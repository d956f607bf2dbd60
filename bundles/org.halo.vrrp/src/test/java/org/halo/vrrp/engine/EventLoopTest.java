package org.halo.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The two loops: ordering on virtual time, and the real loop's thread confinement and resilience. */
class EventLoopTest {

    @Test
    void manualLoopRunsInTimeThenSchedulingOrder() {
        ManualEventLoop loop = new ManualEventLoop();
        List<String> order = new ArrayList<>();
        loop.schedule(20, () -> order.add("b"));
        loop.schedule(10, () -> order.add("a"));
        loop.schedule(20, () -> order.add("c"));
        EventLoop.Cancellable x = loop.schedule(15, () -> order.add("x"));
        x.cancel();
        loop.execute(() -> order.add("now"));
        loop.runUntil(19);
        assertEquals(List.of("now", "a"), order);
        assertEquals(19, loop.nanoTime());
        loop.runUntil(20);
        assertEquals(List.of("now", "a", "b", "c"), order);
        assertEquals(Long.MAX_VALUE, loop.nextDue());
    }

    @Test
    void threadLoopConfinesTasksAndSurvivesFailures() throws Exception {
        try (ThreadEventLoop loop = new ThreadEventLoop("test-loop")) {
            assertFalse(loop.inLoop());
            AtomicBoolean onLoop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(1);
            loop.execute(() -> {
                throw new IllegalStateException("boom (expected by the test)");
            });
            long t0 = loop.nanoTime();
            loop.schedule(TimeUnit.MILLISECONDS.toNanos(20), () -> {
                onLoop.set(loop.inLoop() && loop.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(20));
                done.countDown();
            });
            AtomicBoolean cancelledRan = new AtomicBoolean();
            loop.schedule(TimeUnit.MILLISECONDS.toNanos(10), () -> cancelledRan.set(true)).cancel();
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertTrue(onLoop.get(), "ran on the loop thread, not before its delay");
            assertFalse(cancelledRan.get());
        }
    }
}
