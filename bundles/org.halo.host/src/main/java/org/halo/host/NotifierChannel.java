package org.halo.host;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.api.notify.HaloEvent;
import org.halo.api.notify.Notifier;

/**
 * One notifier's bounded queue and delivery thread. {@link #offer} never blocks: on overflow the oldest
 * queued event is dropped and counted. Calls are guarded by {@link GuardedWorker}.
 */
final class NotifierChannel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NotifierChannel.class.getName());

    final Notifier notifier;
    final PluginInfo info;
    private final Duration timeout;
    private final int capacity;
    private final ArrayDeque<HaloEvent> queue = new ArrayDeque<>();
    private final GuardedWorker worker;
    private final Thread delivery;
    private volatile boolean closed;
    private long lastDropLog;

    NotifierChannel(Notifier notifier, PluginInfo info, Duration timeout, int capacity) {
        this.notifier = notifier;
        this.info = info;
        this.timeout = timeout;
        this.capacity = Math.max(1, capacity);
        this.worker = new GuardedWorker("halo-notifier-call-" + info.name(), info.stats());
        this.delivery = new Thread(this::deliverLoop, "halo-notifier-" + info.name());
        this.delivery.setDaemon(true);
        this.delivery.start();
    }

    void offer(HaloEvent event) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                HaloEvent dropped = queue.pollFirst();
                long n = info.stats().drops.incrementAndGet();
                long now = System.nanoTime();
                if (now - lastDropLog > 1_000_000_000L) { // at most one warning per second per notifier
                    lastDropLog = now;
                    LOG.warning(() -> "notifier " + info.name() + ": queue full (" + capacity + "), dropped event #"
                            + dropped.sequence() + ", " + n + " dropped so far");
                }
            }
            queue.addLast(event);
            queue.notifyAll();
        }
    }

    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void deliverLoop() {
        while (!closed) {
            HaloEvent e;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                e = queue.pollFirst();
            }
            GuardedWorker.Result<Object> r = worker.call(() -> {
                notifier.notify(e);
                return null;
            }, timeout);
            switch (r.outcome()) {
                case FAILED -> LOG.log(Level.WARNING, "notifier " + info.name() + " failed on event #" + e.sequence(),
                        r.error());
                case TIMED_OUT -> LOG.warning(() -> "notifier " + info.name() + " timed out after "
                        + timeout.toMillis() + " ms on event #" + e.sequence());
                default -> {
                }
            }
        }
    }

    @Override
    public void close() {
        int left;
        synchronized (queue) {
            closed = true;
            left = queue.size();
            queue.clear();
            queue.notifyAll();
        }
        delivery.interrupt();
        worker.close();
        if (left > 0) {
            LOG.info(() -> "notifier " + info.name() + " removed with " + left + " undelivered events");
        }
    }
}
