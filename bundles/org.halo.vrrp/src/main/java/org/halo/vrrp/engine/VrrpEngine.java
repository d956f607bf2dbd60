package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The VRRP engine: owns the instances and sync groups, confined to one {@link EventLoop}. Every public
 * method may be called from any thread; it only posts the input to the loop. Snapshots are readable from
 * any thread.
 */
public final class VrrpEngine {
    static final InetAddress MCAST4;
    static final InetAddress MCAST6;

    static {
        try {
            MCAST4 = InetAddress.getByName("224.0.0.18");
            MCAST6 = InetAddress.getByName("ff02::12");
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    final VrrpNetwork network;
    final EventSink events;
    private final LogSink logSink;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Instance> byKey = new HashMap<>();
    private final Map<String, Boolean> links = new HashMap<>();
    private final Map<String, Boolean> tracks = new HashMap<>();
    private final Map<String, Long> files = new HashMap<>();
    private volatile List<Instance> published = List.of();
    private boolean stopped;

    public VrrpEngine(EventLoop loop, VrrpNetwork network, EventSink events, LogSink log) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.network = Objects.requireNonNull(network, "network");
        this.events = events == null ? EventSink.none() : events;
        this.logSink = log == null ? LogSink.systemLogger() : log;
    }

    public EventLoop loop() {
        return loop;
    }

    /**
     * Starts (first call) or reloads the configuration. On reload, an instance with the same name, VRID,
     * interface, version and family keeps its state; others are stopped and started fresh.
     */
    public void configure(List<InstanceConfig> instanceConfigs, List<SyncGroupConfig> groupConfigs) {
        List<InstanceConfig> ic = List.copyOf(instanceConfigs);
        List<SyncGroupConfig> gc = groupConfigs == null ? List.of() : List.copyOf(groupConfigs);
        loop.execute(() -> doConfigure(ic, gc));
    }

    private void doConfigure(List<InstanceConfig> ic, List<SyncGroupConfig> gc) {
        if (stopped) {
            return;
        }
        Map<String, InstanceConfig> wanted = new LinkedHashMap<>();
        for (InstanceConfig c : ic) {
            InstanceConfig eff = ConfigChecks.apply(c, logSink);
            if (eff != null) {
                wanted.put(eff.name(), eff);
            }
        }
        List<Instance> fresh = new ArrayList<>();
        for (Instance old : new ArrayList<>(instances.values())) {
            InstanceConfig c = wanted.get(old.name());
            if (c == null || !compatible(old.cfg, c)) {
                old.stop(c == null ? "removed by reload" : "incompatible reload");
                instances.remove(old.name());
            }
        }
        Map<String, Instance> next = new LinkedHashMap<>();
        for (InstanceConfig c : wanted.values()) {
            Instance i = instances.get(c.name());
            if (i == null) {
                i = new Instance(this, c);
                fresh.add(i);
            }
            next.put(c.name(), i);
        }
        instances.clear();
        instances.putAll(next);
        byKey.clear();
        for (Instance i : instances.values()) {
            byKey.put(key(i.cfg.interfaceName(), i.cfg.ipv6(), i.cfg.vrid()), i);
            i.group = null;
            i.groupFault = false;
        }
        for (SyncGroupConfig g : gc) {
            SyncGroup sg = new SyncGroup(this, g);
            for (String m : g.members()) {
                Instance i = instances.get(m);
                if (i != null) {
                    sg.members.add(i);
                    i.group = sg;
                    if (i.state == VrrpState.MASTER) {
                        sg.state = VrrpState.MASTER;
                    }
                }
            }
        }
        for (Instance i : instances.values()) {
            if (fresh.contains(i)) {
                i.start();
            } else {
                i.reconfigure(wanted.get(i.name()));
            }
        }
        published = List.copyOf(instances.values());
    }

    private static boolean compatible(InstanceConfig a, InstanceConfig b) {
        return a.vrid() == b.vrid() && a.interfaceName().equals(b.interfaceName()) && a.version() == b.version()
                && a.ipv6() == b.ipv6() && a.unicast() == b.unicast();
    }

    private static String key(String iface, boolean v6, int vrid) {
        return iface + (v6 ? "/6/" : "/4/") + vrid;
    }

    /** A received packet; dispatched by interface, family and VRID (others are ignored, as keepalived does). */
    public void receive(InboundPacket packet) {
        // keepalived starts the master-down timer from the time its loop woke for the packet; the hand-off
        // to this loop must not push the timer later
        long received = loop.nanoTime();
        loop.execute(() -> {
            byte[] m = packet.vrrpMessage();
            if (stopped || m.length < 2) {
                return;
            }
            boolean v6 = packet.source().getAddress().length == 16;
            Instance i = byKey.get(key(packet.interfaceName(), v6, m[1] & 0xff));
            if (i != null) {
                i.receive(packet, received);
            }
        });
    }

    /** Link state of an interface (the instance's own one, or a tracked one). */
    public void linkChanged(String interfaceName, boolean up) {
        loop.execute(() -> {
            Boolean old = links.put(interfaceName, up);
            if (old == null || old != up) {
                retrack((up ? "interface " : "interface ") + interfaceName + (up ? " up" : " down"));
            }
        });
    }

    /** Status of a tracked script or process (after the host applied fall/rise). */
    public void trackStatus(TrackConfig.Kind kind, String name, boolean up) {
        loop.execute(() -> {
            Boolean old = tracks.put(kind + ":" + name, up);
            if (kind == TrackConfig.Kind.PROCESS && old != null && old != up) {
                // keepalived 2.2.7 vrrp_track.c process_update_track_process_status
                log(LogSink.Level.INFO, "Quorum " + (up ? "gained" : "lost") + " for tracked process " + name);
            }
            if (old == null || old != up) {
                retrack("track " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name
                        + (up ? " up" : " down"));
            }
        });
    }

    /** Current value of a track_file. */
    public void trackValue(String fileName, long value) {
        loop.execute(() -> {
            Long old = files.put(fileName, value);
            if (old == null || old != value) {
                logFileFault(fileName, old == null ? 0 : old, value);
                retrack("track file " + fileName + " = " + value);
            }
        });
    }

    /** keepalived's "(VI_1): tracked file NAME now FAULT state" / "leaving FAULT state" per tracking instance. */
    private void logFileFault(String fileName, long before, long after) {
        for (Instance i : instances.values()) {
            List<TrackConfig> all = new ArrayList<>(i.cfg.tracks());
            if (i.group != null) {
                all.addAll(i.group.cfg.tracks());
            }
            for (TrackConfig t : all) {
                if (t.kind() != TrackConfig.Kind.FILE || !t.name().equals(fileName) || i.state == VrrpState.STOP) {
                    continue;
                }
                boolean was = Tracking.fileStatus(before, t) == Tracking.FILE_FAULT;
                boolean is = Tracking.fileStatus(after, t) == Tracking.FILE_FAULT;
                if (was != is) {
                    log(LogSink.Level.INFO, "(" + i.name() + "): tracked file " + fileName
                            + (is ? " now FAULT state" : " leaving FAULT state"));
                }
            }
        }
    }

    /** Changes an instance's base priority at run time. */
    public void setPriority(String instance, int priority) {
        if (priority < 1 || priority > 255) {
            throw new IllegalArgumentException("priority must be 1..255");
        }
        loop.execute(() -> {
            Instance i = instances.get(instance);
            if (i != null && !stopped) {
                i.setBasePriority(priority, "priority set to " + priority);
            }
        });
    }

    private void retrack(String cause) {
        if (stopped) {
            return;
        }
        for (Instance i : instances.values()) {
            if (i.state != VrrpState.STOP) {
                i.recomputeTracking(cause, true);
            }
        }
    }

    /** Stops every instance (priority-0 adverts from masters, VIPs removed); completes on the loop. */
    public CompletableFuture<Void> shutdown() {
        loop.execute(stopAll);
        return shutdownDone;
    }

    /**
     * Built with the engine, so a SIGTERM does not pay for linking a lambda (milliseconds, the first time)
     * before the priority-0 adverts go out.
     */
    private final CompletableFuture<Void> shutdownDone = new CompletableFuture<>();
    private final Runnable stopAll = () -> {
        if (!stopped) {
            stopped = true;
            for (Instance i : instances.values()) {
                i.stop("shutdown");
            }
        }
        // the loop may be closed right after the release: the stop's lines are written now
        writePendingLog();
        shutdownDone.complete(null);
    };

    /** @return snapshots of all instances, in configuration order. */
    public List<InstanceSnapshot> snapshots() {
        List<InstanceSnapshot> out = new ArrayList<>();
        for (Instance i : published) {
            out.add(i.snapshot());
        }
        return out;
    }

    public Optional<InstanceSnapshot> snapshot(String name) {
        for (Instance i : published) {
            if (i.name().equals(name)) {
                return Optional.of(i.snapshot());
            }
        }
        return Optional.empty();
    }

    // ---- for the instances (loop only) ----------------------------------------------------------

    boolean linkUp(String iface) {
        return links.getOrDefault(iface, true);
    }

    boolean trackUp(TrackConfig.Kind kind, String name) {
        return tracks.getOrDefault(kind + ":" + name, true);
    }

    /** Whether the host has reported on a tracked object (a script without a result is keepalived's init). */
    boolean trackKnown(TrackConfig.Kind kind, String name) {
        return tracks.containsKey(kind + ":" + name);
    }

    long fileValue(String name) {
        return files.getOrDefault(name, 0L);
    }

    InetAddress group(boolean v6) {
        return v6 ? MCAST6 : MCAST4;
    }

    /**
     * Lines logged by the loop task that is running, written by a task queued behind it: a VIP move or an
     * answering advert then waits for no log sink (formatting and the hand-off to the logging thread cost tens
     * to hundreds of microseconds while that code is cold). keepalived's order of lines is kept.
     */
    private record PendingLine(LogSink.Level level, String message) {
    }

    private final List<PendingLine> pendingLog = new ArrayList<>();
    private final Runnable writePendingLog = this::writePendingLog;

    void log(LogSink.Level level, String msg) {
        if (!loop.inLoop()) {
            write(level, msg);
            return;
        }
        pendingLog.add(new PendingLine(level, msg));
        if (pendingLog.size() == 1) {
            loop.execute(writePendingLog);
        }
    }

    private void writePendingLog() {
        for (PendingLine l : pendingLog) {
            write(l.level(), l.message());
        }
        pendingLog.clear();
    }

    private void write(LogSink.Level level, String msg) {
        try {
            logSink.log(level, msg);
        } catch (RuntimeException e) {
            // a failing log sink must not break the state machine
        }
    }

    /** Calls the network port, never letting its failure escape into the state machine. */
    void net(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log(LogSink.Level.ERROR, "VRRP network port failed: " + e);
        }
    }

    /** Calls the event sink, never letting its failure escape into the state machine. */
    void event(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log(LogSink.Level.ERROR, "VRRP event sink failed: " + e);
        }
    }
}
