package org.halo.host;

import java.util.concurrent.atomic.AtomicLong;

/** How late scheduled work started on a loop thread: the host's own "scheduling gap" measure. */
final class LoopLateness {

    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();

    void record(long lateNanos) {
        long late = Math.max(0, lateNanos);
        count.incrementAndGet();
        totalNanos.addAndGet(late);
        maxNanos.accumulateAndGet(late, Math::max);
    }

    long maxMicros() {
        return maxNanos.get() / 1000;
    }

    long count() {
        return count.get();
    }

    long meanMicros() {
        long c = count.get();
        return c == 0 ? 0 : totalNanos.get() / c / 1000;
    }

    void reset() {
        maxNanos.set(0);
        count.set(0);
        totalNanos.set(0);
    }
}
