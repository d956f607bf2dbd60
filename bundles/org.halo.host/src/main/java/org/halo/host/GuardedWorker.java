package org.halo.host;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs blocking plug-in calls one at a time on a worker thread, with a timeout. A call that overruns
 * is interrupted; if the thread still does not come back it is abandoned (counted) and a fresh worker
 * takes over, so a plug-in stuck in an uninterruptible wait cannot stall its own later calls forever.
 */
final class GuardedWorker implements AutoCloseable {

    /** How a guarded call ended. */
    enum Outcome { OK, FAILED, TIMED_OUT }

    private final String name;
    private final PluginStats stats;
    private ExecutorService worker;

    GuardedWorker(String name, PluginStats stats) {
        this.name = name;
        this.stats = stats;
        this.worker = newWorker();
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(CheckEngine.daemon(name));
    }

    /** Calls {@code call} with a timeout; counts calls, failures and timeouts. Caller's thread blocks. */
    synchronized <T> Result<T> call(Callable<T> call, Duration timeout) {
        stats.calls.incrementAndGet();
        Future<T> f = worker.submit(call);
        try {
            return new Result<>(Outcome.OK, f.get(timeout.toNanos(), TimeUnit.NANOSECONDS), null);
        } catch (ExecutionException e) {
            stats.failures.incrementAndGet();
            return new Result<>(Outcome.FAILED, null, e.getCause());
        } catch (TimeoutException e) {
            stats.timeouts.incrementAndGet();
            f.cancel(true);
            abandonIfStuck();
            return new Result<>(Outcome.TIMED_OUT, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return new Result<>(Outcome.FAILED, null, e);
        }
    }

    /** A cancelled future is "done" at once even if its thread is still stuck; probe with a no-op. */
    private void abandonIfStuck() {
        Future<?> probe = worker.submit(() -> { });
        try {
            probe.get(100, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            probe.cancel(false);
            worker.shutdownNow();
            worker = newWorker();
            stats.abandonedThreads.incrementAndGet();
        }
    }

    @Override
    public synchronized void close() {
        worker.shutdownNow();
    }

    record Result<T>(Outcome outcome, T value, Throwable error) {
    }
}
