package org.halo.vrrp.engine;

/**
 * A single-threaded executor with a monotonic clock. Every engine input runs as a task on it, so the
 * state machines need no locks. Implementations: {@link ThreadEventLoop} (real time) and {@link
 * ManualEventLoop} (virtual time, for tests and simulation).
 */
public interface EventLoop {

    /** Monotonic time in nanoseconds (arbitrary origin). */
    long nanoTime();

    /** Runs {@code task} on the loop as soon as possible, after already queued tasks. */
    void execute(Runnable task);

    /** Runs {@code task} on the loop after {@code delayNanos}; the handle cancels it. */
    Cancellable schedule(long delayNanos, Runnable task);

    /** @return true if the calling thread is the loop's thread. */
    boolean inLoop();

    /** A scheduled task that can be cancelled. */
    interface Cancellable {
        /** Cancels the task if it has not run yet; idempotent. */
        void cancel();
    }
}
