package org.halo.vrrp.engine;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic event loop on virtual time, for tests and simulation: nothing runs until the owner calls
 * {@link #runUntil}, {@link #advance} or {@link #runPending}. Tasks due at the same instant run in the order
 * they were scheduled. Not thread-safe: drive it from one thread.
 */
public final class ManualEventLoop implements EventLoop {

    private final class Task implements Cancellable, Comparable<Task> {
        final long due;
        final long seq;
        final Runnable body;
        boolean cancelled;

        Task(long due, long seq, Runnable body) {
            this.due = due;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long seq;

    public ManualEventLoop() {
        this(0);
    }

    public ManualEventLoop(long startNanos) {
        now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(new Task(now, seq++, task));
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        Task t = new Task(now + Math.max(0, delayNanos), seq++, task);
        queue.add(t);
        return t;
    }

    @Override
    public boolean inLoop() {
        return true;
    }

    /** Runs every task due up to {@code nanos} (inclusive) in order, then sets the clock to {@code nanos}. */
    public void runUntil(long nanos) {
        Task t;
        while ((t = queue.peek()) != null && t.due <= nanos) {
            queue.poll();
            if (!t.cancelled) {
                now = Math.max(now, t.due);
                t.body.run();
            }
        }
        now = Math.max(now, nanos);
    }

    /** Advances virtual time by {@code amount} of {@code unit}, running what falls due. */
    public void advance(long amount, TimeUnit unit) {
        runUntil(now + unit.toNanos(amount));
    }

    /** Advances by milliseconds. */
    public void advanceMillis(long millis) {
        advance(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Moves the clock forward without running anything, as a process stop (a GC pause) does to a real loop:
     * what fell due meanwhile runs late, at the next {@link #runPending} or advance.
     */
    public void stall(long amount, TimeUnit unit) {
        now += unit.toNanos(amount);
    }

    /** Runs what is due now (e.g. posted inputs) without moving the clock. */
    public void runPending() {
        runUntil(now);
    }

    /** @return the due time of the next live task, or Long.MAX_VALUE. */
    public long nextDue() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().due;
    }
}
