package org.halo.vrrp.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.halo.linux.api.SocketPoller;
import org.halo.vrrp.engine.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon's engine loop over a poller that stands in for ppoll: "packets" are runnables the poller delivers
 * on the polling thread, as a readable socket's reader would run.
 */
class PolledEventLoopTest {

    /** Waits like ppoll: for a delivery, a wake or the timeout; runs deliveries on the calling thread. */
    static final class FakePoller implements SocketPoller {
        final BlockingQueue<Runnable> readable = new ArrayBlockingQueue<>(100);
        final List<Long> timeouts = new CopyOnWriteArrayList<>();
        final AtomicInteger wakes = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        private static final Runnable WAKE = () -> { };

        @Override
        public void poll(long timeoutNanos) {
            timeouts.add(timeoutNanos);
            try {
                Runnable r = timeoutNanos < 0 ? readable.take() : readable.poll(timeoutNanos, TimeUnit.NANOSECONDS);
                while (r != null) {
                    r.run();
                    r = readable.poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void wake() {
            wakes.incrementAndGet();
            readable.offer(WAKE);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private final FakePoller poller = new FakePoller();
    private final PolledEventLoop loop = new PolledEventLoop("test-loop", poller);

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void tasksRunInOrderOnTheLoopThread() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> inLoop = new CompletableFuture<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            loop.execute(() -> seen.add(n));
        }
        loop.execute(() -> inLoop.complete(loop.inLoop()));
        assertTrue(inLoop.get(5, TimeUnit.SECONDS));
        assertFalse(loop.inLoop());
        assertEquals(IntStream.range(0, 100).boxed().toList(), seen);
    }

    @Test
    void afterAStallThePacketsThatArrivedAreHandledBeforeTheTimersThatExpired() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        CountDownLatch stalled = new CountDownLatch(1);
        loop.execute(() -> {
            loop.schedule(TimeUnit.MILLISECONDS.toNanos(20), () -> {
                order.add("timer");
                done.countDown();
            });
            stalled.countDown();
            sleep(60); // the loop is held up (a long task, a pause) past the timer's deadline
        });
        assertTrue(stalled.await(5, TimeUnit.SECONDS));
        // an advert becomes readable before the deadline, while the loop cannot read it
        Thread.sleep(10);
        poller.readable.add(() -> loop.execute(() -> {
            order.add("packet");
            done.countDown();
        }));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("packet", "timer"), order);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void timersRunNoEarlierThanDueAndInDeadlineOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        long t0 = System.nanoTime();
        long[] ranAt = new long[3];
        loop.schedule(TimeUnit.MILLISECONDS.toNanos(30), () -> {
            ranAt[2] = System.nanoTime();
            order.add("30");
            done.countDown();
        });
        loop.schedule(TimeUnit.MILLISECONDS.toNanos(10), () -> {
            ranAt[0] = System.nanoTime();
            order.add("10");
            done.countDown();
        });
        loop.schedule(TimeUnit.MILLISECONDS.toNanos(20), () -> {
            ranAt[1] = System.nanoTime();
            order.add("20");
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("10", "20", "30"), order);
        assertTrue(ranAt[0] - t0 >= TimeUnit.MILLISECONDS.toNanos(10));
        assertTrue(ranAt[1] - t0 >= TimeUnit.MILLISECONDS.toNanos(20));
        assertTrue(ranAt[2] - t0 >= TimeUnit.MILLISECONDS.toNanos(30));
        // the loop slept in the poller with the remaining time of the next timer, not in a busy loop
        assertTrue(poller.timeouts.stream().anyMatch(t -> t > TimeUnit.MILLISECONDS.toNanos(5)), poller.timeouts.toString());
    }

    @Test
    void equalDeadlinesRunInSchedulingOrder() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> {
            for (int i = 0; i < 20; i++) {
                int n = i;
                loop.schedule(0, () -> order.add(n));
            }
            loop.schedule(0, done::countDown);
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(IntStream.range(0, 20).boxed().toList(), order);
    }

    @Test
    void aCancelledTimerDoesNotRun() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        EventLoop.Cancellable c = loop.schedule(TimeUnit.MILLISECONDS.toNanos(20), () -> ran.set(true));
        c.cancel();
        CountDownLatch later = new CountDownLatch(1);
        loop.schedule(TimeUnit.MILLISECONDS.toNanos(60), later::countDown);
        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertFalse(ran.get());
    }

    @Test
    void aTaskFromAnotherThreadWakesAnIdleLoop() throws Exception {
        // no timer: the loop waits without a timeout, only the doorbell can get it out
        Thread.sleep(50);
        assertTrue(poller.timeouts.contains(-1L), poller.timeouts.toString());
        CompletableFuture<String> f = new CompletableFuture<>();
        int wakesBefore = poller.wakes.get();
        loop.execute(() -> f.complete(Thread.currentThread().getName()));
        assertEquals("test-loop", f.get(5, TimeUnit.SECONDS));
        assertTrue(poller.wakes.get() > wakesBefore);
    }

    @Test
    void aFailingTaskDoesNotStopTheLoop() throws Exception {
        loop.execute(() -> {
            throw new IllegalStateException("expected by the test");
        });
        CompletableFuture<Boolean> after = new CompletableFuture<>();
        loop.execute(() -> after.complete(true));
        assertTrue(after.get(5, TimeUnit.SECONDS));
    }

    @Test
    void closeStopsTheThreadAndClosesThePoller() throws Exception {
        CompletableFuture<Thread> t = new CompletableFuture<>();
        loop.execute(() -> t.complete(Thread.currentThread()));
        Thread thread = t.get(5, TimeUnit.SECONDS);
        loop.close();
        assertFalse(thread.isAlive());
        assertTrue(poller.closed.get());
        AtomicBoolean ran = new AtomicBoolean();
        loop.execute(() -> ran.set(true));
        Thread.sleep(50);
        assertFalse(ran.get());
    }
}
