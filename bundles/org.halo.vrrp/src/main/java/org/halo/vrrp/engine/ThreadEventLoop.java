package org.halo.vrrp.engine;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production loop: one daemon thread (a single-threaded {@link ScheduledThreadPoolExecutor}) on
 * {@link System#nanoTime()}. A task that throws is logged to System.Logger and does not stop the loop.
 */
public final class ThreadEventLoop implements EventLoop, AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    public ThreadEventLoop(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.prestartAllCoreThreads();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guard(task));
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(guard(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                System.getLogger("org.halo.vrrp").log(System.Logger.Level.ERROR, "VRRP loop task failed", e);
            }
        };
    }

    /** Stops the loop thread; queued tasks are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
