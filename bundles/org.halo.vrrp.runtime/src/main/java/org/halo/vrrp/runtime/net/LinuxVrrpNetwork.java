package org.halo.vrrp.runtime.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.halo.linux.api.Address;
import org.halo.linux.api.Announcer;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.MacAddress;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.ReceivedPacket;
import org.halo.linux.api.Route;
import org.halo.linux.api.Rule;
import org.halo.linux.api.VrrpSocket;
import org.halo.linux.api.VrrpSocketOptions;
import org.halo.linux.api.SocketPoller;
import org.halo.linux.api.VrrpSockets;
import org.halo.vrrp.engine.InboundPacket;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.OutboundAdvert;
import org.halo.vrrp.engine.UnicastPeer;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.engine.VrrpNetwork;

/**
 * The engine's network port on the Linux layer. Sockets are pooled as keepalived's sockpool: one per
 * (interface, family, unicast source, peers), shared by every instance with the same key; the engine
 * demultiplexes by VRID. Receive threads only convert and hand packets to {@code inbound}, which posts
 * them to the engine loop. The other methods are called on the engine loop.
 */
public final class LinuxVrrpNetwork implements VrrpNetwork, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinuxVrrpNetwork.class.getName());

    /** {@code engineInterface}: the instance's interface as the engine knows it, reported with each received packet. */
    record SocketKey(String device, boolean ipv6, InetAddress source, List<InetAddress> peers, String engineInterface, InetAddress group,
            int unicastTtl) {
    }

    private final SocketPoller poller;
    private final VrrpSockets sockets;
    private final Netlink netlink;
    private final Announcer announcer;
    private final Consumer<InboundPacket> inbound;
    private final Map<SocketKey, VrrpSocket> pool = new ConcurrentHashMap<>();
    private final Map<String, SocketKey> byInstance = new ConcurrentHashMap<>();
    private final Map<String, InstanceNet> nets = new ConcurrentHashMap<>();
    /** Devices whose sending handle the announce thread has opened: a first frame to them costs one send. */
    private final java.util.Set<String> prepared = ConcurrentHashMap.newKeySet();
    /** When the last GARP / NA left each device (System.nanoTime), for the spacing (kept by the announce thread). */
    private final Map<String, Long> lastAnnounce = new ConcurrentHashMap<>();
    /**
     * GARP/NA frames go out through pcap, a few ms each; a burst (garp_master_repeat per VIP) would hold the
     * engine loop, and with it the adverts, for tens of ms. The loop only queues them here, in order.
     */
    private final ExecutorService announcements = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vrrp-announce");
        t.setDaemon(true);
        return t;
    });

    public LinuxVrrpNetwork(VrrpSockets sockets, Netlink netlink, Announcer announcer, Consumer<InboundPacket> inbound) {
        this(sockets, netlink, announcer, inbound, null);
    }

    /** @param poller the engine loop's poller, whose thread reads the sockets; null: a receive thread per socket */
    public LinuxVrrpNetwork(VrrpSockets sockets, Netlink netlink, Announcer announcer, Consumer<InboundPacket> inbound,
            SocketPoller poller) {
        this.poller = poller;
        this.sockets = sockets;
        this.netlink = netlink;
        this.announcer = announcer;
        this.inbound = inbound;
    }

    /**
     * Opens (or shares) the socket for an instance; called when the instance is created. With use_vmac
     * ({@code vmac} not null) the adverts go through the VMAC, as keepalived sends them (source MAC
     * 00:00:5e:00:01:VRID), or through the parent with vmac_xmit_base; the VMAC must exist already.
     */
    public void open(InstanceConfig config, InstanceNet net) throws LinuxException {
        VmacSpec vmac = net.vmac();
        List<InetAddress> peers = config.unicastPeers().stream().map(UnicastPeer::address).toList();
        // multicast sockets are shared per interface; unicast ones per source and peer set
        // with a VMAC the source is always explicit: once a VIP is on the VMAC the kernel would pick it as the
        // source, and the VRRPv3 checksum (computed over the configured source) would no longer match
        InetAddress source = peers.isEmpty() && vmac == null ? null : config.sourceAddress();
        String device = vmac == null ? config.interfaceName() : vmac.advertDevice();
        // mcast_dst_ip and unicast_ttl are socket settings: instances differing in them do not share a socket
        SocketKey key = new SocketKey(device, config.ipv6(), source, peers, config.interfaceName(), config.multicastGroup(), config.unicastTtl());
        if (!pool.containsKey(key)) {
            VrrpSocketOptions options = new VrrpSocketOptions(config.ipv6(), device, source, peers, config.multicastGroup(), config.unicastTtl());
            VrrpSocket s = poller == null ? sockets.open(options, p -> receive(key, p)) : sockets.open(options, p -> receive(key, p), poller);
            pool.put(key, s);
        }
        byInstance.put(config.name(), key);
        nets.put(config.name(), net);
        // open the pcap handle now, on the thread that sends the announcements (so they queue behind it): opened
        // by the first GARP it would delay that GARP, opened here it would delay the instance's start (libpcap
        // and pcap4j load in tens to hundreds of milliseconds on a cold JVM)
        String garpDevice = config.interfaceName();
        String instance = config.name();
        announcements.execute(() -> {
            try {
                announcer.prepare(garpDevice);
                prepared.add(garpDevice);
            } catch (LinuxException | RuntimeException e) {
                LOG.warning("(" + instance + ") cannot prepare GARP/NA sending on " + garpDevice + ": " + e.getMessage());
            }
        });
    }

    /** Forgets an instance; closes its socket when no other instance uses it. */
    public void release(String instance) {
        SocketKey key = byInstance.remove(instance);
        nets.remove(instance);
        if (key != null && !byInstance.containsValue(key)) {
            VrrpSocket s = pool.remove(key);
            if (s != null) {
                s.close();
            }
        }
    }

    private void receive(SocketKey key, ReceivedPacket p) {
        inbound.accept(new InboundPacket(key.engineInterface(), p.source(), p.destination(), p.ttl(), p.payload(), null));
    }

    @Override
    public void sendAdvert(OutboundAdvert advert) {
        SocketKey key = byInstance.get(advert.instance());
        VrrpSocket s = key == null ? null : pool.get(key);
        if (s == null) {
            LOG.warning("(" + advert.instance() + ") no socket to send an advert on " + advert.interfaceName());
            return;
        }
        boolean queued = advert.destination() == null ? s.send(advert.vrrpMessage()) > 0 : s.sendTo(advert.vrrpMessage(), advert.destination());
        if (!queued) {
            LOG.fine("(" + advert.instance() + ") advert not queued on " + advert.interfaceName());
        }
    }

    @Override
    public void addAddresses(String instance, String interfaceName, List<VirtualAddress> addresses, boolean accept) {
        new VipOwner(netlink, new VipSpec(instance, map(addresses, interfaceName), List.of(), List.of())).set();
    }

    @Override
    public void removeAddresses(String instance, String interfaceName, List<VirtualAddress> addresses) {
        new VipOwner(netlink, new VipSpec(instance, map(addresses, interfaceName), List.of(), List.of())).remove();
    }

    /**
     * virtual_routes / virtual_rules on entering MASTER, after the VIPs (keepalived's
     * vrrp_state_become_master order: VIPs, E-VIPs, routes, rules). A line that cannot be used is logged and
     * skipped; the others are installed.
     */
    @Override
    public void addRoutes(String instance, List<String> routes, List<String> rules) {
        routeOwner(instance, routes, rules).set();
    }

    /** Removed on leaving MASTER or stopping, before the VIPs (vrrp_restore_interface: rules, routes, VIPs). */
    @Override
    public void removeRoutes(String instance, List<String> routes, List<String> rules) {
        routeOwner(instance, routes, rules).remove();
    }

    /**
     * At start-up, before the first state: virtual_rules and virtual_routes a killed predecessor left behind
     * (keepalived logs "(VI_1) removing Virtual Rules" / "removing Virtual Routes" at start for this). Ones
     * already gone are fine.
     */
    public void removeLeftoverRoutes(InstanceConfig config) {
        if (!config.virtualRoutes().isEmpty() || !config.virtualRules().isEmpty()) {
            routeOwner(config.name(), config.virtualRoutes(), config.virtualRules()).remove();
        }
    }

    private VipOwner routeOwner(String instance, List<String> routeLines, List<String> ruleLines) {
        SocketKey key = byInstance.get(instance);
        boolean ipv6 = key != null && key.ipv6();
        List<Route> routes = new ArrayList<>();
        for (String line : routeLines) {
            RouteMapping.Parsed<Route> r = RouteMapping.route(line);
            if (r.value() == null) {
                LOG.warning("(" + instance + ") cannot use virtual route '" + line + "': " + r.error());
            } else {
                routes.add(r.value());
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (String line : ruleLines) {
            RouteMapping.Parsed<Rule> r = RouteMapping.rule(line, ipv6);
            if (r.value() == null) {
                LOG.warning("(" + instance + ") cannot use virtual rule '" + line + "': " + r.error());
            } else {
                rules.add(r.value());
            }
        }
        return new VipOwner(netlink, new VipSpec(instance, List.of(), routes, rules));
    }

    /** Removes addresses a killed predecessor left configured; called once before the instance starts. */
    public List<Address> removeLeftovers(String instance, String interfaceName, List<VirtualAddress> addresses) {
        return new VipOwner(netlink, new VipSpec(instance, map(addresses, interfaceName), List.of(), List.of())).removeLeftovers();
    }

    @Override
    public void announce(String instance, String interfaceName, List<VirtualAddress> addresses, int rounds) {
        List<Address> mapped = map(addresses, interfaceName);
        InstanceNet net = nets.getOrDefault(instance, InstanceNet.NONE);
        VmacSpec vmac = net.vmac();
        // use_vmac_addr: GARP/NA for VIPs on other interfaces carry the VMAC too (keepalived's VRRP_VMAC_ADDR_BIT)
        MacAddress forOthers = vmac != null && vmac.useVmacAddr() ? MacAddress.vrrp(vmac.vrid(), vmac.ipv6()) : null;
        int queuedRounds = rounds;
        if (rounds > 0 && firstRoundNow(mapped, net)) {
            // keepalived sends the first round from its one thread right after adding the VIPs; a hop to the
            // announce thread would put a thread wake-up between the VIP and its first GARP
            sendAnnouncements(instance, mapped, 1, forOthers, net);
            queuedRounds--;
        }
        if (queuedRounds > 0) {
            int remaining = queuedRounds;
            try {
                announcements.execute(() -> sendAnnouncements(instance, mapped, remaining, forOthers, net));
            } catch (RejectedExecutionException closed) {
                // shutting down: no more announcements
            }
        }
    }

    /**
     * The first round goes out on the caller's thread when it costs only the sends: every device's handle is
     * open already and no garp_interval / gna_interval asks for spacing (which the announce thread keeps).
     */
    private boolean firstRoundNow(List<Address> addresses, InstanceNet net) {
        if (net.garpIntervalMicros() > 0 || net.gnaIntervalMicros() > 0) {
            return false;
        }
        for (Address a : addresses) {
            if (!prepared.contains(a.device())) {
                return false;
            }
        }
        return true;
    }

    /**
     * keepalived's vrrp_send_link_update order: round by round, each round one frame per address, so with
     * several VIPs every one is announced once before any is repeated.
     */
    private void sendAnnouncements(String instance, List<Address> addresses, int rounds, MacAddress forOthers, InstanceNet net) {
        List<Address> sendable = new ArrayList<>();
        List<MacAddress> macs = new ArrayList<>();
        for (Address a : addresses) {
            try {
                // one ioctl, not a link dump: this lookup sits between the VIP and its first GARP
                MacAddress own = netlink.ethernetAddress(a.device())
                        .orElseThrow(() -> new LinuxException("no Ethernet address on " + a.device(), 19));
                sendable.add(a);
                macs.add(forOthers != null ? forOthers : own);
            } catch (LinuxException | RuntimeException e) {
                LOG.warning("(" + instance + ") cannot announce " + a.address().getHostAddress() + " on " + a.device() + ": " + e.getMessage());
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < sendable.size(); i++) {
                Address a = sendable.get(i);
                try {
                    space(a.device(), a.address() instanceof Inet4Address ? net.garpIntervalMicros() : net.gnaIntervalMicros());
                    if (a.address() instanceof Inet4Address v4) {
                        announcer.gratuitousArp(a.device(), macs.get(i), v4);
                    } else if (a.address() instanceof Inet6Address v6) {
                        announcer.unsolicitedNa(a.device(), macs.get(i), v6, false);
                    }
                } catch (LinuxException | RuntimeException e) {
                    LOG.warning("(" + instance + ") cannot announce " + a.address().getHostAddress() + " on " + a.device() + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * keepalived's garp_interval / gna_interval: at least that long between two announcements on one device.
     * Runs on the announce thread, so the wait delays later announcements, never the engine loop.
     */
    private void space(String device, long intervalMicros) {
        long now = System.nanoTime();
        Long last = lastAnnounce.get(device);
        if (intervalMicros > 0 && last != null) {
            long due = last + intervalMicros * 1000;
            // parkNanos may return early (a permit left by the executor's queue, a spurious wake-up)
            while (due - now > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
        }
        lastAnnounce.put(device, now);
    }

    static List<Address> map(List<VirtualAddress> addresses, String interfaceName) {
        List<Address> out = new ArrayList<>();
        for (VirtualAddress v : addresses) {
            out.add(AddressMapping.toAddress(v.address(), v.prefixLength(), v.device(), v.options(), interfaceName));
        }
        return out;
    }

    @Override
    public void close() {
        announcements.shutdown();
        try {
            announcements.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.values().forEach(VrrpSocket::close);
        pool.clear();
        byInstance.clear();
        nets.clear();
    }

    @Override
    public String toString() {
        return "LinuxVrrpNetwork" + Objects.toString(pool.keySet());
    }
}
