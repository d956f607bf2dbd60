package org.halo.launcher;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Hands log records to one writer thread, in order, so the VRRP loop never waits for formatting, the console
 * or the syslog pipe while it moves a VIP (a state change logs several lines between the advert and the
 * address change). The record keeps the instant it was made, so timestamps are unchanged. When the queue is
 * full the caller waits, as it did before: nothing is dropped. {@link #flush()} returns once everything queued
 * so far is written.
 *
 * <p>A caller and the writer share no lock: a two-lock queue and atomic counts, and the monitor only while a
 * flush waits. Contended, a lock parks the loser, and waking a parked thread costs 0.1-0.3 ms on a VM, which
 * the VRRP loop paid for each line it logged while the writer finished the one before.
 */
final class AsyncHandler extends Handler {
    private final List<Handler> targets;
    private final BlockingQueue<LogRecord> queue = new LinkedBlockingQueue<>(10_000);
    private final Object written = new Object();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile int flushing;
    private final Thread writer;

    AsyncHandler(List<Handler> targets) {
        this.targets = List.copyOf(targets);
        writer = new Thread(this::drain, "halo-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(LogRecord r) {
        if (r == null) {
            return;
        }
        enqueued.incrementAndGet();
        try {
            queue.put(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeNow(r);
        }
    }

    private void drain() {
        while (true) {
            LogRecord r;
            try {
                r = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            writeNow(r);
            done.incrementAndGet();
            if (flushing > 0) {
                synchronized (written) {
                    written.notifyAll();
                }
            }
        }
    }

    private void writeNow(LogRecord r) {
        for (Handler h : targets) {
            try {
                h.publish(r);
            } catch (RuntimeException e) {
                // a failing target must not stop the others or the writer
            }
        }
    }

    /** Waits (at most 2 s) until every record queued before the call is written, then flushes the targets. */
    @Override
    public void flush() {
        long target = enqueued.get();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (written) {
            flushing++;
        }
        try {
            awaitWritten(target, end);
        } finally {
            synchronized (written) {
                flushing--;
            }
        }
        targets.forEach(Handler::flush);
    }

    private void awaitWritten(long target, long end) {
        synchronized (written) {
            while (done.get() < target && Thread.currentThread() != writer) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(written, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    @Override
    public void close() {
        flush();
        writer.interrupt();
        targets.forEach(Handler::close);
    }
}
