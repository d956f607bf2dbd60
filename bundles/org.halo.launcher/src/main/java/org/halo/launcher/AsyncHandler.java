package org.halo.launcher;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Hands log records to one writer thread, in order, so the VRRP loop never waits for formatting, the console
 * or the syslog pipe while it moves a VIP (a state change logs several lines between the advert and the
 * address change). The record keeps the instant it was made, so timestamps are unchanged. When the queue is
 * full the caller waits, as it did before: nothing is dropped. {@link #flush()} returns once everything queued
 * so far is written.
 */
final class AsyncHandler extends Handler {
    private final List<Handler> targets;
    private final BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(10_000);
    private final Object written = new Object();
    private long enqueued;
    private long done;
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
        synchronized (written) {
            enqueued++;
        }
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
            synchronized (written) {
                done++;
                written.notifyAll();
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
        long target;
        synchronized (written) {
            target = enqueued;
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (written) {
            while (done < target && Thread.currentThread() != writer) {
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
        targets.forEach(Handler::flush);
    }

    @Override
    public void close() {
        flush();
        writer.interrupt();
        targets.forEach(Handler::close);
    }
}
