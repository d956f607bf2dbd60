package org.halo.vrrp.runtime.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.api.check.CheckRegistry;
import org.halo.api.check.CheckStatus;
import org.halo.api.check.Health;
import org.halo.api.notify.EventPublisher;
import org.halo.api.notify.VrrpEvent;
import org.halo.api.vrrp.VrrpConditions;
import org.halo.api.vrrp.VrrpRuntime;
import org.halo.linux.api.Announcer;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.VrrpSockets;
import org.halo.status.api.StatusSource;
import org.halo.vrrp.engine.EventSink;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.LogSink;
import org.halo.vrrp.engine.StateTransition;
import org.halo.vrrp.engine.SyncGroupConfig;
import org.halo.vrrp.engine.TrackConfig;
import org.halo.vrrp.engine.VrrpState;
import org.halo.vrrp.runtime.core.ConfigMapping;
import org.halo.vrrp.runtime.core.ConfigOrder;
import org.halo.vrrp.runtime.net.InstanceNet;
import org.halo.vrrp.runtime.core.SourceAddresses;
import org.halo.vrrp.runtime.core.TrackDefault;
import org.halo.vrrp.runtime.core.QueuedLogSink;
import org.halo.vrrp.runtime.core.VrrpNode;
import org.halo.vrrp.runtime.track.FileTracker;
import org.halo.vrrp.runtime.track.TrackFileSpec;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.condition.Condition;

/**
 * The VRRP daemon in the framework. Runs a {@link VrrpNode} on E's Linux services; takes
 * vrrp_instance and vrrp_sync_group factory configurations ({@value ConfigMapping#INSTANCE_PID},
 * {@value ConfigMapping#SYNC_GROUP_PID}) from ConfigAdmin; feeds vrrp_script and vrrp_track_process health
 * from D's {@link CheckRegistry} and track_file values ({@value TrackFileSpec#PID}, {@link FileTracker}) into
 * the engine; publishes {@link StatusSource} and D's {@link VrrpRuntime};
 * registers the MASTER {@link Condition} per instance; sends every transition to D's
 * {@link EventPublisher}. The plug-in host references are dynamic and optional: updating the host or a
 * plug-in must never stop VRRP or move a VIP. Framework callbacks only post work: configuration to the
 * config thread (debounced, then the engine loop), events to the event thread.
 */
@Component(immediate = true, service = {})
public final class VrrpRuntimeComponent {
    private static final Logger LOG = Logger.getLogger("org.halo.vrrp");
    /** ConfigAdmin hands over a factory's configurations back to back: 10 ms gathers them (start, reload). */
    private static final long DEBOUNCE_MS = 10;

    private final BundleContext context;
    private final Netlink netlink;
    private final VrrpNode node;
    private final ScheduledExecutorService configThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vrrp-config"));
    private final ExecutorService eventThread = Executors.newSingleThreadExecutor(r -> daemon(r, "vrrp-events"));
    private final Map<String, Map<String, Object>> instances = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
    /** The own weights of vrrp_scripts and vrrp_track_processes (from the check host) and track_files. */
    private final Map<String, TrackDefault> trackDefaults = Collections.synchronizedMap(new HashMap<>());
    private final Map<String, Map<String, Object>> trackFiles = new LinkedHashMap<>();
    private final FileTracker fileTracker;
    private final Map<String, ServiceRegistration<Condition>> masterConditions = new HashMap<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    /**
     * SIGTERM: keepalived's VRRP process sends priority 0 within a millisecond of the signal. The JVM runs
     * every shutdown hook at once, so this one posts the release (priority-0 adverts, VIPs removed) to the
     * engine loop while the launcher is still logging and stopping bundles; without it the adverts waited
     * for the framework's bundle stop and SCR's deactivation (12-40 ms measured at 100 ms adverts).
     */
    private final Thread releaseOnTerm;
    private final QueuedLogSink engineLog;
    private ScheduledFuture<?> pendingApply;
    private volatile EventPublisher publisher;
    private volatile AutoCloseable checkSubscription;

    @Activate
    public VrrpRuntimeComponent(BundleContext context, @Reference VrrpSockets sockets, @Reference Netlink netlink, @Reference Announcer announcer)
            throws LinuxException {
        this.context = context;
        this.netlink = netlink;
        LogSink direct = (level, message) -> LOG.log(switch (level) {
            case ERROR -> Level.SEVERE;
            case WARNING -> Level.WARNING;
            case INFO -> Level.INFO;
            case DEBUG -> Level.FINE;
        }, message);
        this.engineLog = new QueuedLogSink(direct, "vrrp-log");
        LogSink log = engineLog;
        this.node = new VrrpNode(sockets, netlink, announcer, log);
        // first on the config thread: no configuration reaches the engine, so no instance runs, before it ends
        configThread.execute(() -> rehearse(context.getProperty(REHEARSAL_ROUNDS)));
        try {
            this.fileTracker = new FileTracker(node::trackValue);
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch track files: " + e.getMessage(), e);
        }
        node.addListener(new EventSink() {
            @Override
            public void stateChanged(StateTransition t) {
                eventThread.execute(() -> onTransition(t));
            }

            @Override
            public void syncGroupChanged(String group, VrrpState from, VrrpState to) {
                eventThread.execute(() -> publish(new VrrpEvent(0, Instant.now(), VrrpEvent.Scope.GROUP, group, api(to), api(from), 0)));
            }
        });
        releaseOnTerm = new Thread(() -> node.release(2000), "vrrp-release-on-term");
        try {
            Runtime.getRuntime().addShutdownHook(releaseOnTerm);
        } catch (IllegalStateException shuttingDown) {
            // activated while the JVM exits: deactivate releases as before
        }
        // The launcher's SIGTERM handler runs halo.signal=TERM services before it lets the JVM exit: the release
        // then goes first, alone, instead of racing the other shutdown hooks (see docs/daemon-runtime.md).
        Runnable releaseNow = () -> node.release(2000);
        registrations.add(context.registerService(Runnable.class, releaseNow, props("halo.signal", "TERM")));
        registrations.add(context.registerService(StatusSource.class, node, null));
        registrations.add(context.registerService(VrrpRuntime.class, new RuntimeViews(node), null));
        registrations.add(context.registerService(ManagedServiceFactory.class, factory(ConfigMapping.INSTANCE_PID, instances),
                props(Constants.SERVICE_PID, ConfigMapping.INSTANCE_PID)));
        registrations.add(context.registerService(ManagedServiceFactory.class, factory(ConfigMapping.SYNC_GROUP_PID, groups),
                props(Constants.SERVICE_PID, ConfigMapping.SYNC_GROUP_PID)));
        registrations.add(context.registerService(ManagedServiceFactory.class, factory(TrackFileSpec.PID, trackFiles),
                props(Constants.SERVICE_PID, TrackFileSpec.PID)));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static Dictionary<String, Object> props(String k, Object v) {
        Hashtable<String, Object> h = new Hashtable<>();
        h.put(k, v);
        return h;
    }

    private ManagedServiceFactory factory(String pid, Map<String, Map<String, Object>> store) {
        return new ManagedServiceFactory() {
            @Override
            public String getName() {
                return pid;
            }

            @Override
            public void updated(String configPid, Dictionary<String, ?> properties) {
                Map<String, Object> copy = new HashMap<>();
                for (var keys = properties.keys(); keys.hasMoreElements();) {
                    String k = keys.nextElement();
                    copy.put(k, properties.get(k));
                }
                configThread.execute(() -> {
                    store.put(configPid, copy);
                    scheduleApply();
                });
            }

            @Override
            public void deleted(String configPid) {
                configThread.execute(() -> {
                    store.remove(configPid);
                    scheduleApply();
                });
            }
        };
    }

    /** A reload edits many configurations at once; apply them together once they stop changing. */
    private void scheduleApply() {
        if (pendingApply != null) {
            pendingApply.cancel(false);
        }
        pendingApply = configThread.schedule(this::apply, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
    }

    private void apply() {
        List<TrackFileSpec> files = new ArrayList<>();
        trackDefaults.keySet().removeIf(k -> k.startsWith(TrackConfig.Kind.FILE + ":"));
        for (Map<String, Object> p : trackFiles.values()) {
            try {
                TrackFileSpec f = TrackFileSpec.from(p);
                files.add(f);
                trackDefaults.put(key(TrackConfig.Kind.FILE, f.name()), f.weight());
            } catch (RuntimeException e) {
                LOG.severe("track_file " + p.get("name") + " ignored: " + e.getMessage());
            }
        }
        fileTracker.configure(files);
        TrackDefault.Lookup defaults = (kind, name) -> trackDefaults.get(key(kind, name));
        List<InstanceConfig> ic = new ArrayList<>();
        Map<String, InstanceNet> nets = new HashMap<>();
        // keepalived.conf order (the dumps and vrrp:list list instances in the engine's order)
        for (Map<String, Object> p : ConfigOrder.sorted(instances.values())) {
            try {
                ic.add(ConfigMapping.instance(p, this::source, defaults));
                nets.put(String.valueOf(p.get("name")), ConfigMapping.net(p));
            } catch (RuntimeException e) {
                LOG.severe("vrrp_instance " + p.get("name") + " not started: " + e.getMessage());
            }
        }
        List<SyncGroupConfig> gc = new ArrayList<>();
        for (Map<String, Object> p : ConfigOrder.sorted(groups.values())) {
            try {
                gc.add(ConfigMapping.syncGroup(p, defaults));
            } catch (RuntimeException e) {
                LOG.severe("vrrp_sync_group " + p.get("name") + " ignored: " + e.getMessage());
            }
        }
        node.configure(ic, gc, nets);
    }

    private InetAddress source(String[] ifaceAndV6) {
        try {
            return SourceAddresses.primary(netlink, ifaceAndV6[0], Boolean.parseBoolean(ifaceAndV6[1]))
                    .orElseThrow(() -> new IllegalArgumentException("no usable address on " + ifaceAndV6[0]));
        } catch (LinuxException e) {
            throw new IllegalArgumentException("cannot read addresses of " + ifaceAndV6[0] + ": " + e.getMessage(), e);
        }
    }

    private void onTransition(StateTransition t) {
        String id = VrrpConditions.masterConditionId(t.instance());
        if (t.to() == VrrpState.MASTER && !masterConditions.containsKey(t.instance())) {
            masterConditions.put(t.instance(), context.registerService(Condition.class, Condition.INSTANCE,
                    props(Condition.CONDITION_ID, id)));
        } else if (t.to() != VrrpState.MASTER) {
            ServiceRegistration<Condition> r = masterConditions.remove(t.instance());
            if (r != null) {
                unregister(r);
            }
        }
        publish(new VrrpEvent(0, Instant.now(), VrrpEvent.Scope.INSTANCE, t.instance(), api(t.to()), api(t.from()), t.priority()));
    }

    private void publish(VrrpEvent e) {
        EventPublisher p = publisher;
        if (p != null) {
            try {
                p.publish(e); // never blocks by contract; guarded all the same
            } catch (RuntimeException ex) {
                LOG.warning("event publisher failed: " + ex);
            }
        }
    }

    static org.halo.api.vrrp.VrrpState api(VrrpState s) {
        return org.halo.api.vrrp.VrrpState.valueOf(s.name());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindPublisher(EventPublisher p) {
        publisher = p;
    }

    void unbindPublisher(EventPublisher p) {
        if (publisher == p) {
            publisher = null;
        }
    }

    /**
     * vrrp_script and vrrp_track_process results: ids "vrrp_script:NAME" and "vrrp_track_process:NAME"; the
     * target's weight property ("W [reverse]") is the object's own weight.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindChecks(CheckRegistry checks) {
        checkSubscription = checks.subscribe(this::onCheck);
    }

    void unbindChecks(CheckRegistry checks) {
        AutoCloseable s = checkSubscription;
        checkSubscription = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.fine("unsubscribe: " + e);
            }
        }
        // the scripts' last states stay in the engine: a host update must not move a VIP
    }

    private void onCheck(CheckStatus s) {
        String id = s.target().id();
        TrackConfig.Kind kind = id.startsWith("vrrp_script:") ? TrackConfig.Kind.SCRIPT
                : id.startsWith("vrrp_track_process:") ? TrackConfig.Kind.PROCESS : null;
        if (kind == null || s.health() == Health.UNKNOWN) {
            return;
        }
        String name = id.substring(id.indexOf(':') + 1);
        try {
            TrackDefault own = TrackDefault.parse(s.target().property("weight").orElse(null), 0);
            if (!own.equals(trackDefaults.put(key(kind, name), own))) {
                configThread.execute(this::scheduleApply);
            }
        } catch (NumberFormatException e) {
            LOG.warning(id + ": weight " + s.target().property("weight").orElse("") + " is not a number");
        }
        node.trackStatus(kind, name, s.health() == Health.UP);
    }

    private static String key(TrackConfig.Kind kind, String name) {
        return kind + ":" + name;
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping
        }
    }

    /** SIGTERM reaches here through the framework stop: priority-0 adverts, VIPs removed, STOP notify. */
    /** Framework property: failover rehearsals run once at start, before any instance (0: none). */
    static final String REHEARSAL_ROUNDS = "halo.vrrp.rehearsal.rounds";

    /**
     * The takeover path runs cold the first time (18 ms measured on a backup's first takeover, against 1-2 ms
     * after), so it is rehearsed once on private engines. It runs before the engine gets its first
     * configuration: its allocation and compilation cause JVM pauses (10-35 ms seen on a loaded 2-core VM), and
     * a pause that long on a master at 10 ms adverts is a takeover; rehearsed later, it also met SIGTERMs and
     * failovers in the benchmark.
     */
    private static void rehearse(String roundsProperty) {
        int rounds = roundsProperty == null ? 8 : Integer.parseInt(roundsProperty.trim());
        if (rounds <= 0) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            int masters = org.halo.vrrp.runtime.net.Rehearsal.run(rounds);
            LOG.fine("rehearsed " + masters + " takeovers in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "failover rehearsal failed (the first failover may run slower): " + e, e);
        }
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnTerm);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook is running (or ran) the release
        }
        for (int i = registrations.size() - 1; i >= 0; i--) {
            unregister(registrations.get(i));
        }
        configThread.shutdownNow();
        fileTracker.close();
        List<String> masters = new ArrayList<>(masterConditions.keySet());
        node.shutdown(3000);
        engineLog.close();
        eventThread.execute(() -> {
            masterConditions.values().forEach(VrrpRuntimeComponent::unregister);
            masterConditions.clear();
        });
        eventThread.shutdown();
        try {
            eventThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.finest("VRRP runtime stopped; were master: " + masters);
    }
}
