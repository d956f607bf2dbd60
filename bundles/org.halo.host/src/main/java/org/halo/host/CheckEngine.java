package org.halo.host;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.api.check.CheckRegistry;
import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckStatus;
import org.halo.api.check.Checker;
import org.halo.api.check.Health;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The check scheduler: owns when and how often every configured check runs, its timeout, fall/rise and
 * counters. All bookkeeping happens on one loop thread ({@code halo-checks}); probes are started on the
 * checker's own call thread ({@link CheckerProvider}); completions and timeouts are posted back to the
 * loop. Status listeners run on a separate thread so a slow listener cannot delay probing.
 */
@Component(service = {CheckRegistry.class, CheckEngine.class}, immediate = true)
public final class CheckEngine implements CheckRegistry {

    private static final Logger LOG = Logger.getLogger(CheckEngine.class.getName());

    private final ScheduledExecutorService loop;
    private final ExecutorService listenerThread;
    private final Clock clock;
    private final Map<String, TargetState> targets = new HashMap<>();
    private final Map<Checker, CheckerProvider> providers = new HashMap<>();
    private final Map<String, CheckStatus> published = new ConcurrentHashMap<>();
    private final List<Consumer<CheckStatus>> listeners = new CopyOnWriteArrayList<>();
    /** Loop scheduling lateness, for the isolation benchmark: max and count of late starts. */
    private final LoopLateness lateness = new LoopLateness();

    @Activate
    public CheckEngine() {
        this(Clock.systemUTC());
    }

    CheckEngine(Clock clock) {
        this.clock = clock;
        this.loop = Executors.newSingleThreadScheduledExecutor(daemon("halo-checks"));
        this.listenerThread = Executors.newSingleThreadExecutor(daemon("halo-check-status"));
    }

    @Deactivate
    void close() {
        loop.shutdownNow();
        listenerThread.shutdownNow();
        synchronized (providers) {
            providers.values().forEach(p -> p.calls.shutdownNow());
        }
    }

    // ---- checker whiteboard (dynamic: hot swap is the point) ----

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Checker.TYPE + "=*)")
    void addChecker(Checker checker, ServiceReference<Checker> ref, Map<String, Object> props) {
        addChecker(checker, props, PluginInfo.factory(ref));
    }

    void addChecker(Checker checker, Map<String, ?> props, PluginInfo.Factory info) {
        CheckerProvider p = new CheckerProvider(checker, props, info);
        post(() -> {
            synchronized (providers) {
                providers.put(checker, p);
            }
            LOG.info(() -> "checker for " + p.types + " available from " + p.info.bundle() + " " + p.info.version());
            for (TargetState t : targets.values()) {
                if (p.types.contains(t.spec.target().type())) {
                    reconsider(t);
                }
            }
        });
    }

    void removeChecker(Checker checker) {
        post(() -> {
            CheckerProvider p;
            synchronized (providers) {
                p = providers.remove(checker);
            }
            if (p == null) {
                return;
            }
            p.calls.shutdownNow();
            LOG.info(() -> "checker for " + p.types + " from " + p.info.bundle() + " gone");
            for (TargetState t : targets.values()) {
                if (t.provider == p) {
                    t.abandonProbe();
                    reconsider(t);
                }
            }
        });
    }

    // ---- configuration ----

    /** Adds or replaces a check; a replaced check keeps its health and counters (config edit, no flap). */
    public void putCheck(CheckSpec spec) {
        post(() -> {
            TargetState t = targets.get(spec.id());
            if (t == null) {
                t = new TargetState(spec, clock.instant());
                targets.put(spec.id(), t);
            } else {
                t.spec = spec;
                t.abandonProbe();
            }
            reconsider(t);
        });
    }

    public void removeCheck(String id) {
        post(() -> {
            TargetState t = targets.remove(id);
            if (t != null) {
                t.abandonProbe();
                t.removed = true;
                published.remove(id);
            }
        });
    }

    // ---- CheckRegistry ----

    @Override
    public Collection<CheckStatus> statuses() {
        return List.copyOf(published.values());
    }

    @Override
    public Optional<CheckStatus> status(String id) {
        return Optional.ofNullable(published.get(id));
    }

    @Override
    public AutoCloseable subscribe(Consumer<CheckStatus> listener) {
        post(() -> {
            List<CheckStatus> now = new ArrayList<>(published.values());
            listeners.add(listener);
            listenerThread.execute(() -> now.forEach(s -> call(listener, s)));
        });
        return () -> listeners.remove(listener);
    }

    /** Live checker services, for the shell. */
    public List<PluginInfo> checkers() {
        synchronized (providers) {
            return providers.values().stream().map(p -> p.info).toList();
        }
    }

    LoopLateness lateness() {
        return lateness;
    }

    // ---- the loop ----

    /** Picks the provider for the target's type and (re)schedules it, or marks it "no checker". */
    private void reconsider(TargetState t) {
        CheckerProvider best = bestFor(t.spec.target().type());
        t.provider = best;
        if (best == null) {
            t.cancelTimer();
            publish(t);
            return;
        }
        publish(t);
        schedule(t, Duration.ZERO);
    }

    private CheckerProvider bestFor(String type) {
        CheckerProvider best = null;
        synchronized (providers) {
            for (CheckerProvider p : providers.values()) {
                if (p.types.contains(type) && (best == null || p.compareTo(best) < 0)) {
                    best = p;
                }
            }
        }
        return best;
    }

    private void schedule(TargetState t, Duration delay) {
        t.cancelTimer();
        long due = System.nanoTime() + delay.toNanos();
        t.next = loop.schedule(() -> {
            lateness.record(System.nanoTime() - due);
            probe(t);
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void probe(TargetState t) {
        CheckerProvider p = t.provider;
        if (t.removed || p == null || t.inFlight) {
            return;
        }
        if (t.inCall) {
            // The checker's thread has not even returned from the previous check(): do not pile up
            // calls behind it; this round counts as a timeout of this target only.
            p.stats().timeouts.incrementAndGet();
            record(t, CheckResult.timeout("checker still busy with the previous probe"));
            return;
        }
        long seq = ++t.probeSeq;
        t.inFlight = true;
        t.inCall = true;
        Duration timeout = t.spec.target().timeout();
        t.timeout = loop.schedule(() -> {
            if (t.inFlight && t.probeSeq == seq) {
                p.stats().timeouts.incrementAndGet();
                CompletionStage<CheckResult> stage = t.stage;
                if (stage != null) {
                    stage.toCompletableFuture().cancel(true);
                }
                complete(t, seq, CheckResult.timeout("no result within " + timeout.toMillis() + " ms"), p);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            p.calls.execute(() -> callChecker(t, seq, p));
        } catch (RejectedExecutionException e) {
            t.inCall = false;
            complete(t, seq, CheckResult.failure("checker stopped"), p);
        }
    }

    /** Runs on the checker's own thread. */
    private void callChecker(TargetState t, long seq, CheckerProvider p) {
        p.stats().calls.incrementAndGet();
        CompletionStage<CheckResult> stage;
        try {
            stage = p.checker.check(t.spec.target());
            if (stage == null) {
                throw new IllegalStateException("checker returned null");
            }
        } catch (Throwable e) {
            p.stats().failures.incrementAndGet();
            if (t.probeSeq == seq) {
                t.inCall = false;
            }
            post(() -> complete(t, seq, CheckResult.failure("checker threw " + e), p));
            return;
        }
        if (t.probeSeq == seq) {
            t.stage = stage;
            t.inCall = false;
        }
        stage.whenComplete((r, e) -> {
            CheckResult result;
            if (e != null || r == null) {
                if (!(e instanceof java.util.concurrent.CancellationException)) {
                    p.stats().failures.incrementAndGet();
                }
                result = CheckResult.failure(e == null ? "checker completed with null" : "checker failed: " + e);
            } else {
                result = r;
            }
            post(() -> complete(t, seq, result, p));
        });
    }

    private void complete(TargetState t, long seq, CheckResult result, CheckerProvider p) {
        if (t.removed || t.probeSeq != seq || t.provider != p || !t.inFlight) {
            return; // stale: abandoned, replaced or already timed out
        }
        t.inFlight = false;
        t.stage = null;
        if (t.timeout != null) {
            t.timeout.cancel(false);
        }
        record(t, result);
    }

    /** Fall/rise bookkeeping of one result, then the next probe. */
    private void record(TargetState t, CheckResult result) {
        t.probes++;
        switch (result.outcome()) {
            case FAILURE -> t.failures++;
            case TIMEOUT -> t.timeouts++;
            default -> {
            }
        }
        t.lastResult = result;
        Health before = t.book.health();
        boolean changed = t.book.record(result, t.spec.fall(), t.spec.rise());
        if (result.isSuccess() && result.weight() != CheckResult.NO_WEIGHT && result.weight() != t.dynamicWeight) {
            t.dynamicWeight = result.weight();
            changed = true;
        }
        if (t.book.health() != before) {
            t.since = clock.instant();
            LOG.info(() -> t.spec.id() + " " + before + " -> " + t.book.health() + " (" + result.detail() + ")");
        }
        publish(t, changed);
        schedule(t, t.book.retrying() ? t.spec.retryDelay() : t.spec.interval());
    }

    private void publish(TargetState t) {
        publish(t, true);
    }

    /** Updates the snapshot; tells listeners when health, weight or checker availability changed. */
    private void publish(TargetState t, boolean significant) {
        CheckStatus s = new CheckStatus(t.spec.target(), t.book.health(), t.dynamicWeight, t.provider != null,
                t.since, t.lastResult, t.probes, t.failures, t.timeouts, t.book.inARow());
        CheckStatus old = published.put(t.spec.id(), s);
        boolean availabilityChanged = old == null || old.checkerAvailable() != s.checkerAvailable();
        if (significant || availabilityChanged) {
            for (Consumer<CheckStatus> l : listeners) {
                listenerThread.execute(() -> call(l, s));
            }
        }
    }

    private static void call(Consumer<CheckStatus> listener, CheckStatus s) {
        try {
            listener.accept(s);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "check status listener failed", e);
        }
    }

    private void post(Runnable r) {
        try {
            loop.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "check loop task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("check engine stopped");
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Per-target mutable state; touched only on the loop except the volatile call bookkeeping. */
    private static final class TargetState {
        CheckSpec spec;
        final CheckBook book;
        java.time.Instant since;
        CheckerProvider provider;
        ScheduledFuture<?> next;
        ScheduledFuture<?> timeout;
        volatile CompletionStage<CheckResult> stage;
        volatile boolean inCall;
        boolean inFlight;
        boolean removed;
        volatile long probeSeq;
        long probes;
        long failures;
        long timeouts;
        int dynamicWeight = CheckResult.NO_WEIGHT;
        CheckResult lastResult;

        TargetState(CheckSpec spec, java.time.Instant now) {
            this.spec = spec;
            this.book = new CheckBook(spec.initial());
            this.since = now;
        }

        void cancelTimer() {
            if (next != null) {
                next.cancel(false);
            }
        }

        /** Forget the running probe (its result will be ignored as stale). */
        void abandonProbe() {
            cancelTimer();
            if (timeout != null) {
                timeout.cancel(false);
            }
            CompletionStage<CheckResult> s = stage;
            if (s != null) {
                s.toCompletableFuture().cancel(true);
            }
            stage = null;
            inFlight = false;
            inCall = false;
            probeSeq++;
        }
    }
}
