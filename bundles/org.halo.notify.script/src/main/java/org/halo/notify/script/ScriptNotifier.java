package org.halo.notify.script;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.api.notify.HaloEvent;
import org.halo.api.notify.Notifier;
import org.halo.api.notify.RealServerEvent;
import org.halo.api.notify.VirtualServiceEvent;
import org.halo.api.notify.VrrpEvent;
import org.halo.check.script.exec.ScriptLine;
import org.halo.check.script.exec.ScriptRunner;
import org.halo.check.script.exec.ScriptSecurity;
import org.halo.check.script.exec.ScriptUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * keepalived's notify contract. For a VRRP transition: the FIFO line first, then the state script
 * ({@code notify_master}/{@code _backup}/{@code _fault}/{@code _stop}/{@code _deleted}) and then
 * {@code notify} with four appended arguments {@code INSTANCE|GROUP name state priority}. For real
 * servers {@code notify_up}/{@code notify_down}, for virtual servers {@code quorum_up}/{@code quorum_down}.
 *
 * <p>Scripts of one instance (or group, real server, virtual server) run one after another in event
 * order; different instances run in parallel. Each script run is bounded by
 * {@code halo.notify.script_timeout} (seconds, default 60) with keepalived's SIGTERM-then-SIGKILL.
 *
 * <p>Global settings (PID {@code org.halo.global}): {@code notify_fifo}, {@code notify_fifo_script},
 * {@code vrrp_notify_fifo}, {@code vrrp_notify_fifo_script}, {@code lvs_notify_fifo},
 * {@code lvs_notify_fifo_script}, {@code script_user}, {@code enable_script_security}.
 */
@Component(configurationPid = "org.halo.global", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = Notifier.NAME + "=script")
public final class ScriptNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(ScriptNotifier.class.getName());
    static final int MAX_PENDING_PER_KEY = 256;

    private final ScriptRunner runner;
    private final ScriptUser defaultUser;
    private final boolean security;
    private final Duration scriptTimeout;
    private final List<NotifyFifo> allFifos = new ArrayList<>();
    private final NotifyFifo notifyFifo;
    private final NotifyFifo vrrpFifo;
    private final NotifyFifo lvsFifo;
    private final Map<NotifyEntryConfig, NotifyEntry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();
    final AtomicLong scriptsRun = new AtomicLong();
    final AtomicLong scriptsDropped = new AtomicLong();

    @Activate
    public ScriptNotifier(Map<String, Object> config) throws IOException {
        Object user = config.get("script_user");
        this.defaultUser = user == null ? ScriptUser.defaultUser() : ScriptUser.parse(String.valueOf(user));
        Object sec = config.get("enable_script_security");
        this.security = sec != null && !String.valueOf(sec).equalsIgnoreCase("false");
        this.scriptTimeout = Duration.ofMillis((long) (1000 * Double.parseDouble(
                String.valueOf(config.getOrDefault("halo.notify.script_timeout", "60")))));
        this.runner = new ScriptRunner(Duration.ofSeconds(1));
        this.notifyFifo = fifo(config, "notify_fifo");
        this.vrrpFifo = fifo(config, "vrrp_notify_fifo");
        this.lvsFifo = fifo(config, "lvs_notify_fifo");
    }

    private NotifyFifo fifo(Map<String, Object> config, String key) throws IOException {
        Object path = config.get(key);
        if (path == null) {
            return null;
        }
        Object script = config.get(key + "_script");
        NotifyFifo f = new NotifyFifo(Path.of(String.valueOf(path)), script == null ? null : String.valueOf(script),
                defaultUser, runner);
        allFifos.add(f);
        return f;
    }

    @Deactivate
    void deactivate() {
        allFifos.forEach(NotifyFifo::close);
        runner.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEntry(NotifyEntryConfig config) {
        entries.put(config, config.entry);
    }

    void removeEntry(NotifyEntryConfig config) {
        entries.remove(config);
    }

    @Override
    public void notify(HaloEvent event) throws IOException {
        String line = FifoLines.line(event);
        if (notifyFifo != null) {
            notifyFifo.write(line);
        }
        NotifyFifo specific = FifoLines.isVrrp(event) ? vrrpFifo : lvsFifo;
        if (specific != null) {
            specific.write(line);
        }
        if (event instanceof VrrpEvent v) {
            find(v.scope().name(), v.name()).ifPresent(e -> {
                String key = v.scope() + " " + v.name();
                e.scripts().entrySet().stream()
                        .filter(s -> s.getKey().equals("notify_" + v.state().name().toLowerCase()))
                        .findFirst().ifPresent(s -> enqueue(key, s.getValue(), List.of(), e));
                String generic = e.scripts().get("notify");
                if (generic != null) {
                    enqueue(key, generic, List.of(v.scope().name(), v.name(), v.state().name(),
                            Integer.toString(v.priority())), e);
                }
            });
        } else if (event instanceof RealServerEvent r) {
            String key = NotifyEntry.rsKey(r.virtualService(), r.realServer());
            find("RS", key).map(e -> Map.entry(e, e.scripts().get(r.up() ? "notify_up" : "notify_down")))
                    .filter(p -> p.getValue() != null)
                    .ifPresent(p -> enqueue("RS " + key, p.getValue(), List.of(), p.getKey()));
        } else if (event instanceof VirtualServiceEvent s) {
            find("VS", s.virtualService()).map(e -> Map.entry(e, e.scripts().get(s.up() ? "quorum_up" : "quorum_down")))
                    .filter(p -> p.getValue() != null)
                    .ifPresent(p -> enqueue("VS " + s.virtualService(), p.getValue(), List.of(), p.getKey()));
        }
    }

    private Optional<NotifyEntry> find(String scope, String key) {
        return entries.values().stream().filter(e -> e.scope().equals(scope) && e.key().equals(key)).findFirst();
    }

    /** Appends one script run to the key's chain: runs of one instance never overlap or reorder. */
    private void enqueue(String key, String script, List<String> extra, NotifyEntry entry) {
        AtomicInteger n = pending.computeIfAbsent(key, k -> new AtomicInteger());
        if (n.incrementAndGet() > MAX_PENDING_PER_KEY) {
            n.decrementAndGet();
            long d = scriptsDropped.incrementAndGet();
            LOG.warning(() -> "notify scripts for " + key + " are backed up; dropped '" + script + "' (" + d + " dropped)");
            return;
        }
        List<String> argv = new ArrayList<>(ScriptLine.split(script));
        argv.addAll(extra);
        ScriptUser user = Optional.ofNullable(entry.scripts().get("user")).map(ScriptUser::parse).orElse(defaultUser);
        tails.compute(key, (k, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenCompose(x -> runOne(argv, user))
                .whenComplete((x, e) -> n.decrementAndGet()));
    }

    private CompletableFuture<Void> runOne(List<String> argv, ScriptUser user) {
        if (security && user.uid() == 0 && runner.runningAsRoot()) {
            Optional<String> why = ScriptSecurity.insecureReason(ScriptRunner.resolve(argv.get(0)));
            if (why.isPresent()) {
                LOG.warning(() -> "SECURITY VIOLATION - refusing to run notify script " + argv.get(0) + ": " + why.get());
                return CompletableFuture.completedFuture(null);
            }
        }
        scriptsRun.incrementAndGet();
        return runner.run(argv, user, scriptTimeout).handle((exit, e) -> {
            if (e != null) {
                LOG.log(Level.WARNING, "notify script " + argv.get(0) + " could not run", e);
            } else if (exit.timedOut()) {
                LOG.warning(() -> "notify script " + argv.get(0) + " timed out after " + scriptTimeout.toSeconds() + " s");
            }
            return null;
        });
    }

    /** Waits until every queued script has finished (tests, orderly shutdown). */
    void drain(Duration max) throws Exception {
        CompletableFuture.allOf(tails.values().toArray(CompletableFuture[]::new))
                .get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
