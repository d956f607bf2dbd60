package org.halo.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The poller's own waiting: no socket needed (the doorbell is an eventfd), so no root either. */
class PpollPollerTest {

    /** A long timeout is waited in two steps; the first must end before the deadline even with the kernel's 0.1 %. */
    @Test
    void aLongWaitEndsEarlyEnoughAndLeavesAShortRest() {
        for (long t : new long[] {60_000_000L, 361_000_000L, 3_609_000_000L, 10_000_000_000L}) {
            long first = PpollPoller.firstWait(t);
            long latestEnd = first + first / 1000;
            assertTrue(latestEnd < t, t + ": the first wait may run past the deadline");
            assertTrue(t - first <= PpollPoller.PRECISE_WAIT_NANOS, t + ": the rest is not short");
        }
        assertEquals(PpollPoller.PRECISE_WAIT_NANOS, PpollPoller.firstWait(PpollPoller.PRECISE_WAIT_NANOS));
        assertEquals(10_000_000L, PpollPoller.firstWait(10_000_000L));
    }

    @Test
    void aTimedPollWaitsItsWholeTimeoutThoughInTwoSteps() throws Exception {
        try (PpollPoller poller = new PpollPoller()) {
            long t0 = System.nanoTime();
            poller.poll(TimeUnit.MILLISECONDS.toNanos(300));
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300), "poll returned before its timeout");
        }
    }

    @Test
    void wakeEndsAPollWithoutTimeout() throws Exception {
        try (PpollPoller poller = new PpollPoller()) {
            Thread waiting = new Thread(() -> poller.poll(-1), "test-poll");
            waiting.start();
            Thread.sleep(50);
            assertTrue(waiting.isAlive(), "a poll without timeout returned with nothing to read");
            poller.wake();
            waiting.join(5000);
            assertFalse(waiting.isAlive(), "wake() did not end the poll");
        }
    }
}
