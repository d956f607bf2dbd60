package org.halo.vrrp.runtime.core;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.halo.vrrp.engine.LogSink;

/**
 * The engine's log lines go to the logging framework from a thread of their own, in order: the VRRP loop only
 * queues them (about a microsecond), where handing a line to JUL took it 50-300 us, long enough to leave
 * another master's advert waiting in the loop's queue during a takeover. With {@value #BOUND} lines waiting,
 * the caller writes its line itself (slower, nothing lost).
 */
public final class QueuedLogSink implements LogSink, AutoCloseable {
    static final int BOUND = 10_000;

    private record Line(Level level, String message) {
    }

    private final LogSink target;
    private final Queue<Line> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread writer;
    private volatile boolean open = true;

    public QueuedLogSink(LogSink target, String threadName) {
        this.target = target;
        this.writer = new Thread(this::drainLoop, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void log(Level level, String message) {
        if (!open || waiting.get() >= BOUND) {
            synchronized (this) {
                // keeps this line after the queued ones it may overtake only when the queue is full
                drain();
                write(new Line(level, message));
            }
            return;
        }
        queue.add(new Line(level, message));
        waiting.incrementAndGet();
        LockSupport.unpark(writer);
    }

    private void drainLoop() {
        while (open || !queue.isEmpty()) {
            synchronized (this) {
                drain();
            }
            if (open && queue.isEmpty()) {
                LockSupport.park(this);
            }
        }
    }

    private void drain() {
        Line l;
        while ((l = queue.poll()) != null) {
            waiting.decrementAndGet();
            write(l);
        }
    }

    private void write(Line l) {
        try {
            target.log(l.level(), l.message());
        } catch (RuntimeException e) {
            // a failing target must not stop the writer
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        open = false;
        LockSupport.unpark(writer);
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            drain();
        }
    }
}
