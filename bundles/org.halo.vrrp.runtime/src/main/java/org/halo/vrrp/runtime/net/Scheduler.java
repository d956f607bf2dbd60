package org.halo.vrrp.runtime.net;

/**
 * The owning event loop's timer: run a task after a delay, on the loop thread. The runtime uses the
 * engine's loop; tests use a fake clock.
 */
public interface Scheduler {
    /** A scheduled task that can be cancelled before it runs. */
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Runnable task, long delayMillis);
}
