package org.halo.vrrp.runtime.core;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.halo.linux.api.SocketPoller;
import org.halo.vrrp.engine.EventLoop;

/**
 * The engine loop of a running daemon, shaped like keepalived's: one thread waits in the socket poller until the
 * earliest timer, reads the VRRP sockets itself and handles what it read before the timers that fell due
 * meanwhile. With a receive thread per socket every advert cost two thread wake-ups (receive thread, then loop
 * thread) before the engine saw it; on a busy two-core host the second is most of the time a split between two
 * masters lasts. Tasks from other threads queue and ring the poller's doorbell only while the loop is waiting.
 */
public final class PolledEventLoop implements EventLoop, AutoCloseable {
    private static final int TASKS_PER_TURN = 1024;
    private static final System.Logger LOG = System.getLogger("org.halo.vrrp");

    private final SocketPoller poller;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Loop thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;

    /** A timer; equal deadlines run in the order they were scheduled, as ScheduledThreadPoolExecutor does. */
    private static final class Timer implements Comparable<Timer>, Cancellable {
        final long due;
        final long order;
        final Runnable task;
        volatile boolean cancelled;

        Timer(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** Starts the loop thread; the loop owns the poller and closes it. */
    public PolledEventLoop(String name, SocketPoller poller) {
        this.poller = poller;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (waiting.get()) {
            poller.wake();
        }
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        Timer t = new Timer(nanoTime() + Math.max(0, delayNanos), sequence.incrementAndGet(), task);
        if (inLoop()) {
            timers.add(t);
        } else {
            execute(() -> timers.add(t));
        }
        return t;
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        while (!closed) {
            long timeout = nextTimeout();
            waiting.set(true);
            // a task queued after this check sees waiting and rings; one queued before it is seen here
            if (!tasks.isEmpty()) {
                timeout = 0;
            }
            if (!closed) {
                poller.poll(timeout);
            }
            waiting.set(false);
            // only timers due when the poll returned: one that expired while tasks ran waits for the next turn,
            // which polls first (timeout 0), so after a stall the adverts that arrived meanwhile are read and
            // handled before the timers that expired meanwhile, as in keepalived's loop
            long polledAt = nanoTime();
            runTasks();
            runDueTimers(polledAt);
        }
    }

    private void runTasks() {
        for (int i = 0; i < TASKS_PER_TURN; i++) {
            Runnable r = tasks.poll();
            if (r == null) {
                return;
            }
            guarded(r);
        }
    }

    private void runDueTimers(long now) {
        Timer t;
        while ((t = timers.peek()) != null && (t.cancelled || t.due - now <= 0)) {
            timers.poll();
            if (!t.cancelled) {
                guarded(t.task);
            }
        }
    }

    /** Nanoseconds to the earliest live timer, -1 when there is none. */
    private long nextTimeout() {
        Timer t;
        while ((t = timers.peek()) != null && t.cancelled) {
            timers.poll();
        }
        return t == null ? -1 : Math.max(0, t.due - nanoTime());
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "VRRP loop task failed", e);
        }
    }

    /** Stops the loop thread (queued tasks are dropped) and closes the poller. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        poller.wake();
        if (!inLoop()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        poller.close();
    }
}
