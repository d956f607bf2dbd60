package org.halo.vrrp.runtime.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.linux.api.Announcer;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.SocketPoller;
import org.halo.linux.api.VrrpSockets;
import org.halo.status.api.GroupStatus;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.StatusSource;
import org.halo.vrrp.engine.EventSink;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.InstanceSnapshot;
import org.halo.vrrp.engine.LogSink;
import org.halo.vrrp.engine.StateTransition;
import org.halo.vrrp.engine.SyncGroupConfig;
import org.halo.vrrp.engine.TrackConfig;
import org.halo.vrrp.engine.VrrpEngine;
import org.halo.vrrp.engine.VrrpState;
import org.halo.vrrp.runtime.net.LinuxVrrpNetwork;
import org.halo.vrrp.runtime.net.InstanceNet;
import org.halo.vrrp.runtime.net.VmacSpec;

/**
 * One running VRRP daemon without OSGi: C's engine on its own loop thread, driven by E's Linux layer
 * (sockets, rtnetlink, GARP/NA, link monitor). The OSGi component and the system-test node both wrap
 * this. Inputs from other threads (packets, link events, track status, configuration) are only posted
 * to the engine loop.
 */
public final class VrrpNode implements StatusSource, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VrrpNode.class.getName());

    private final Netlink netlink;
    private final PolledEventLoop loop;
    private final VrrpEngine engine;
    private final LinuxVrrpNetwork network;
    private final AutoCloseable linkMonitor;
    private final List<EventSink> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, InstanceConfig> configs = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, org.halo.status.api.Counters> baselines = new ConcurrentHashMap<>();
    /** Instance name -> what its socket (and VMAC) were opened with. */
    private final Map<String, List<Object>> opened = new HashMap<>();
    private final Map<String, String> createdVmacs = new ConcurrentHashMap<>();

    public VrrpNode(VrrpSockets sockets, Netlink netlink, Announcer announcer, LogSink log) throws LinuxException {
        this.netlink = netlink;
        SocketPoller poller = sockets.newPoller();
        this.loop = new PolledEventLoop("vrrp-engine", poller);
        EventSink fanOut = new EventSink() {
            @Override
            public void stateChanged(StateTransition t) {
                for (EventSink l : listeners) {
                    guarded(() -> l.stateChanged(t));
                }
            }

            @Override
            public void syncGroupChanged(String group, VrrpState from, VrrpState to) {
                for (EventSink l : listeners) {
                    guarded(() -> l.syncGroupChanged(group, from, to));
                }
            }

            @Override
            public void priorityChanged(String instance, int from, int to) {
                for (EventSink l : listeners) {
                    guarded(() -> l.priorityChanged(instance, from, to));
                }
            }
        };
        VrrpEngine[] ref = new VrrpEngine[1];
        this.network = new LinuxVrrpNetwork(sockets, netlink, announcer, p -> ref[0].receive(p), poller);
        this.engine = new VrrpEngine(loop, network, fanOut, log);
        ref[0] = engine;
        // link events arrive on the monitor thread; the engine posts them to its loop
        this.linkMonitor = netlink.monitorLinks(ev -> engine.linkChanged(ev.link().name(), !ev.removed() && ev.link().up()));
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event listener failed", e);
        }
    }

    /** Listeners run on the engine loop: they must only hand the event on (notifiers, conditions). */
    public void addListener(EventSink l) {
        listeners.add(l);
    }

    /**
     * Starts or reloads. New instances get their socket and lose VIPs left by a killed predecessor first;
     * unchanged instances keep their state (the engine's reload rule).
     */
    public synchronized void configure(List<InstanceConfig> instances, List<SyncGroupConfig> syncGroups) {
        configure(instances, syncGroups, Map.of());
    }

    /**
     * As {@link #configure(List, List)}, with each instance's network settings (by instance name): a use_vmac
     * VMAC is created (or reused, as keepalived does) before the instance's socket opens and deleted when
     * the instance goes; GARP/NA spacing applies to its announcements.
     */
    public synchronized void configure(List<InstanceConfig> instances, List<SyncGroupConfig> syncGroups, Map<String, InstanceNet> nets) {
        Set<String> interfaces = new HashSet<>();
        List<String> vmacsToDelete = new ArrayList<>();
        for (InstanceConfig c : instances) {
            interfaces.add(c.interfaceName());
            c.tracks().stream().filter(t -> t.kind() == TrackConfig.Kind.INTERFACE).forEach(t -> interfaces.add(t.name()));
            InstanceNet net = nets.getOrDefault(c.name(), InstanceNet.NONE);
            // what the instance's socket and VMAC depend on: a reload that changes it re-opens them
            List<Object> openKey = List.of(c.interfaceName(), c.ipv6(), c.sourceAddress(), c.unicastPeers(), net,
                    java.util.Optional.ofNullable(c.multicastGroup()), c.unicastTtl());
            List<Object> previous = opened.put(c.name(), openKey);
            if (openKey.equals(previous)) {
                continue;
            }
            VmacSpec vmac = net.vmac();
            if (previous != null) {
                network.release(c.name());
                String oldVmac = createdVmacs.get(c.name());
                if (oldVmac != null && (vmac == null || !oldVmac.equals(vmac.name()))) {
                    createdVmacs.remove(c.name());
                    vmacsToDelete.add(oldVmac);
                }
            }
            try {
                if (vmac != null) {
                    netlink.createVmac(vmac.name(), vmac.parent(), vmac.vrid(), vmac.ipv6(), null);
                    createdVmacs.put(c.name(), vmac.name());
                    interfaces.add(vmac.parent());
                }
                if (previous == null) {
                    network.removeLeftovers(c.name(), c.interfaceName(), c.virtualAddresses());
                }
                network.open(c, net);
                if (previous == null) {
                    network.removeLeftoverRoutes(c);
                }
            } catch (LinuxException e) {
                LOG.severe("(" + c.name() + ") cannot open VRRP socket on " + (vmac == null ? c.interfaceName() : vmac.advertDevice()) + ": "
                        + e.getMessage());
            }
        }
        for (String removed : new ArrayList<>(opened.keySet())) {
            if (instances.stream().noneMatch(c -> c.name().equals(removed))) {
                opened.remove(removed);
                network.release(removed);
                String name = createdVmacs.remove(removed);
                if (name != null) {
                    vmacsToDelete.add(name);
                }
            }
        }
        for (String ifname : interfaces) {
            try {
                netlink.link(ifname).ifPresent(l -> engine.linkChanged(ifname, l.up()));
            } catch (LinuxException e) {
                LOG.warning("cannot read link state of " + ifname + ": " + e.getMessage());
            }
        }
        configs.clear();
        instances.forEach(c -> configs.put(c.name(), c));
        groups.clear();
        syncGroups.forEach(g -> groups.put(g.name(), g.members()));
        engine.configure(instances, syncGroups);
        if (!vmacsToDelete.isEmpty()) {
            // the engine stops a removed (or re-created) instance on its loop, priority 0 and VIPs off the VMAC,
            // before the link goes
            loop.execute(() -> vmacsToDelete.forEach(this::deleteLink));
        }
    }

    private void deleteLink(String vmac) {
        try {
            netlink.deleteLink(vmac);
        } catch (LinuxException e) {
            LOG.warning("cannot delete VMAC " + vmac + ": " + e.getMessage());
        }
    }

    /** A vrrp_script / track_process result after fall/rise (from the plug-in host). */
    public void trackStatus(TrackConfig.Kind kind, String name, boolean up) {
        engine.trackStatus(kind, name, up);
    }

    /** The value read from a track_file. */
    public void trackValue(String name, long value) {
        engine.trackValue(name, value);
    }

    public VrrpEngine engine() {
        return engine;
    }

    public List<InstanceSnapshot> snapshots() {
        return engine.snapshots();
    }

    @Override
    public List<InstanceStatus> instances() {
        long nowNanos = loop.nanoTime();
        Instant now = Instant.now();
        double epoch = now.getEpochSecond() + now.getNano() / 1e9;
        List<InstanceStatus> out = new ArrayList<>();
        for (InstanceSnapshot s : engine.snapshots()) {
            InstanceConfig c = configs.get(s.name());
            if (c != null) {
                InstanceStatus st = StatusMapping.toStatus(s, c, nowNanos, epoch);
                out.add(Baselines.subtract(st, baselines.get(s.name())));
            }
        }
        return out;
    }

    @Override
    public List<GroupStatus> groups() {
        Map<String, String> states = new LinkedHashMap<>();
        for (InstanceSnapshot s : engine.snapshots()) {
            states.put(s.name(), s.state().name());
        }
        List<GroupStatus> out = new ArrayList<>();
        groups.forEach((name, members) -> {
            List<String> st = members.stream().map(m -> states.getOrDefault(m, "INIT")).toList();
            String state = st.contains("FAULT") ? "FAULT" : !st.isEmpty() && st.stream().allMatch("MASTER"::equals) ? "MASTER" : "BACKUP";
            out.add(new GroupStatus(name, state, members));
        });
        return out;
    }

    @Override
    public void clearStats() {
        for (InstanceStatus s : instances()) {
            org.halo.status.api.Counters prev = baselines.get(s.name());
            baselines.put(s.name(), Baselines.add(s.counters(), prev));
        }
    }

    /**
     * SIGTERM path: masters send priority-0 adverts and remove their VIPs (engine), then sockets and the
     * loop close. Waits at most timeoutMillis for the engine.
     */
    /**
     * keepalived's stop without closing anything: masters send their priority-0 adverts and remove their
     * VIPs, every instance goes to STOP. Idempotent; {@link #shutdown(long)} afterwards closes the rest.
     */
    public void release(long timeoutMillis) {
        try {
            engine.shutdown().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warning("VRRP engine did not release within " + timeoutMillis + " ms: " + e);
        }
    }

    public void shutdown(long timeoutMillis) {
        try {
            engine.shutdown().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warning("VRRP engine did not stop within " + timeoutMillis + " ms: " + e);
        }
        close();
    }

    @Override
    public void close() {
        try {
            linkMonitor.close();
        } catch (Exception e) {
            LOG.fine("link monitor close: " + e);
        }
        network.close();
        // keepalived removes the VMACs it created when it stops (after the VIPs, removed by the engine's shutdown)
        new ArrayList<>(createdVmacs.values()).forEach(this::deleteLink);
        createdVmacs.clear();
        loop.close();
    }
}
