package org.halo.host;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.api.forward.Forwarder;
import org.halo.api.forward.ForwardingTable;

/**
 * Drives one forwarder service: reconciles it with the newest desired table, one call at a time
 * (intermediate tables coalesce), retrying failures and timeouts with exponential back-off.
 */
final class ForwarderChannel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ForwarderChannel.class.getName());
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    final Forwarder forwarder;
    final PluginInfo info;
    private final Supplier<ForwardingTable> desired;
    private final Consumer<ForwardingTable> actualSink;
    private final Duration timeout;
    private final Duration firstBackoff;
    private final ScheduledExecutorService loop;
    private final GuardedWorker worker;
    private boolean running;
    private boolean dirty;
    private Duration backoff;
    private volatile long reconciledGeneration = -1;
    private ForwardingTable lastReconciled;

    ForwarderChannel(Forwarder forwarder, PluginInfo info, Supplier<ForwardingTable> desired,
            Consumer<ForwardingTable> actualSink, Duration timeout, Duration firstBackoff) {
        this.forwarder = forwarder;
        this.info = info;
        this.desired = desired;
        this.actualSink = actualSink;
        this.timeout = timeout;
        this.firstBackoff = firstBackoff;
        this.backoff = firstBackoff;
        this.loop = Executors.newSingleThreadScheduledExecutor(CheckEngine.daemon("halo-forwarder-" + info.name()));
        this.worker = new GuardedWorker("halo-forwarder-call-" + info.name(), info.stats());
    }

    /** Asks for a reconcile with whatever is desired now (coalesced). */
    void kick() {
        try {
            loop.execute(this::startOrMark);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    long reconciledGeneration() {
        return reconciledGeneration;
    }

    private void startOrMark() {
        if (running) {
            dirty = true;
            return;
        }
        ForwardingTable want = desired.get();
        if (want == null) {
            return; // nothing desired yet: leave the data plane as it is
        }
        if (want == lastReconciled) {
            return; // this very table is already in place (kicks coalesced)
        }
        running = true;
        dirty = false;
        GuardedWorker.Result<ForwardingTable> r = worker.call(
                () -> forwarder.reconcile(want).toCompletableFuture().get(), timeout);
        running = false;
        switch (r.outcome()) {
            case OK -> {
                backoff = firstBackoff;
                reconciledGeneration = want.generation();
                lastReconciled = want;
                actualSink.accept(r.value());
                if (dirty) {
                    kick();
                }
            }
            case FAILED, TIMED_OUT -> {
                LOG.log(Level.WARNING, "forwarder " + info.name() + ": reconcile of generation " + want.generation()
                        + " " + r.outcome() + ", retry in " + backoff.toMillis() + " ms", r.error());
                Duration wait = backoff;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                loop.schedule(this::startOrMark, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        worker.close();
    }
}
