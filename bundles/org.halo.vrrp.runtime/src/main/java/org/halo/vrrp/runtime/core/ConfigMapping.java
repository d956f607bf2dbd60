package org.halo.vrrp.runtime.core;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.halo.linux.api.Vmac;
import org.halo.vrrp.runtime.net.AddressLiterals;
import org.halo.vrrp.runtime.net.InstanceNet;
import org.halo.vrrp.runtime.net.VmacSpec;

import org.halo.vrrp.engine.GarpConfig;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.SyncGroupConfig;
import org.halo.vrrp.engine.TrackConfig;
import org.halo.vrrp.engine.UnicastPeer;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.packet.AuthType;

/**
 * ConfigAdmin properties of one {@code vrrp_instance} / {@code vrrp_sync_group} factory configuration
 * to the engine's records. Keys are keepalived's keywords (see docs/daemon-runtime.md); multi-line
 * blocks (virtual_ipaddress, unicast_peer, track_*) are String[] or Collection with one line per entry.
 */
public final class ConfigMapping {
    /** Factory PID of vrrp_instance configurations. */
    public static final String INSTANCE_PID = "org.halo.vrrp.instance";
    /** Factory PID of vrrp_sync_group configurations. */
    public static final String SYNC_GROUP_PID = "org.halo.vrrp.syncgroup";

    private ConfigMapping() {
    }

    /**
     * @param p            the configuration's properties
     * @param sourceLookup the interface's primary address (IPv4) or link-local (IPv6) when no
     *                     unicast_src_ip / mcast_src_ip is configured
     * @param defaults     the own weight of a vrrp_script / track_file / vrrp_track_process by name
     *                     (keepalived: used unless the track_* entry overrides it)
     */
    public static InstanceConfig instance(Map<String, Object> p, Function<String[], InetAddress> sourceLookup,
            TrackDefault.Lookup defaults) {
        String name = str(p, "name", null);
        if (name == null) {
            throw new IllegalArgumentException("vrrp_instance without name");
        }
        String iface = str(p, "interface", null);
        if (iface == null) {
            throw new IllegalArgumentException("(" + name + ") no interface");
        }
        List<String> vipLines = lines(p.get("virtual_ipaddress"));
        boolean ipv6 = Boolean.parseBoolean(str(p, "native_ipv6", "false")) || (!vipLines.isEmpty() && vipLines.get(0).split("\\s+")[0].contains(":"));
        String src = str(p, "unicast_src_ip", str(p, "mcast_src_ip", null));
        // with use_vmac the source is still the configured interface's address (the VMAC has none of its own)
        InetAddress source = src != null ? addr(src) : sourceLookup.apply(new String[] {iface, Boolean.toString(ipv6)});
        int version = Integer.parseInt(str(p, "version", "2"));
        int vrid = Integer.parseInt(str(p, "virtual_router_id", "0"));
        // keepalived: with use_vmac the instance's interface is the VMAC (VIPs, link state); the socket is chosen by the network
        String engineIface = p.containsKey("use_vmac") ? vmacName(p, vrid) : iface;
        InstanceConfig.Builder b = InstanceConfig.builder(name, vrid, engineIface, source)
                .priority(Integer.parseInt(str(p, "priority", "MASTER".equalsIgnoreCase(str(p, "state", "")) ? "255" : "100"))).version(version)
                .advertIntervalMillis(Math.round(Double.parseDouble(str(p, "advert_int", "1")) * 1000)).ipv6(ipv6)
                .initialMaster("MASTER".equalsIgnoreCase(str(p, "state", "BACKUP"))).nopreempt(bool(p, "nopreempt"))
                .preemptDelayMillis(Math.round(Double.parseDouble(str(p, "preempt_delay", "0")) * 1000)).dontTrackPrimary(bool(p, "dont_track_primary"));
        for (String line : vipLines) {
            b.virtualAddress(vip(line));
        }
        for (String line : lines(p.get("virtual_ipaddress_excluded"))) {
            b.excludedAddress(vip(line));
        }
        lines(p.get("virtual_routes")).forEach(b::virtualRoute);
        lines(p.get("virtual_rules")).forEach(b::virtualRule);
        for (String peer : lines(p.get("unicast_peer"))) {
            b.unicastPeer(UnicastPeer.of(addr(peer.split("\\s+")[0])));
        }
        String authType = str(p, "auth_type", null);
        if (authType != null) {
            b.auth(AuthType.valueOf(authType.toUpperCase(Locale.ROOT)), str(p, "auth_pass", "").getBytes(StandardCharsets.US_ASCII));
        }
        if (p.containsKey("accept")) {
            b.accept(bool(p, "accept"));
        } else if (p.containsKey("no_accept")) {
            b.accept(!bool(p, "no_accept"));
        }
        // keepalived's tri-state keywords: unset leaves the engine's strict-mode dependent default
        b.strict(bool(p, "strict_mode")).skipCheckAdvAddr(bool(p, "skip_check_adv_addr")).checkUnicastSrc(bool(p, "check_unicast_src"))
                .lowerPrioNoAdvert(p.containsKey("lower_prio_no_advert") ? bool(p, "lower_prio_no_advert") : null)
                .higherPrioSendAdvert(p.containsKey("higher_prio_send_advert") ? bool(p, "higher_prio_send_advert") : null)
                .downTimerAdverts(Integer.parseInt(str(p, "down_timer_adverts", "3")));
        // keepalived: unicast_ttl sets the TTL / hop limit of unicast adverts (default 255); mcast_dst_ip the
        // group multicast adverts go to and are received on (instead of 224.0.0.18 / ff02::12)
        b.unicastTtl(Integer.parseInt(str(p, "unicast_ttl", "255")));
        String group = str(p, "mcast_dst_ip", null);
        if (group != null) {
            b.multicastGroup(AddressLiterals.plain(group));
        }
        b.garp(new GarpConfig(Math.round(Double.parseDouble(str(p, "garp_master_delay", "5")) * 1000), Integer.parseInt(str(p, "garp_master_repeat", "5")),
                Math.round(Double.parseDouble(str(p, "garp_master_refresh", "0")) * 1000), Integer.parseInt(str(p, "garp_master_refresh_repeat", "1")),
                Math.round(Double.parseDouble(str(p, "garp_lower_prio_delay", "5")) * 1000), Integer.parseInt(str(p, "garp_lower_prio_repeat", "5"))));
        allTracks(p, defaults).forEach(b::track);
        return b.build();
    }

    /** keepalived's use_vmac [NAME], use_vmac_addr and vmac_xmit_base; empty without use_vmac. */
    public static Optional<VmacSpec> vmac(Map<String, Object> p) {
        if (!p.containsKey("use_vmac")) {
            return Optional.empty();
        }
        int vrid = Integer.parseInt(str(p, "virtual_router_id", "0"));
        List<String> vipLines = lines(p.get("virtual_ipaddress"));
        boolean ipv6 = bool(p, "native_ipv6") || (!vipLines.isEmpty() && vipLines.get(0).split("\\s+")[0].contains(":"));
        return Optional.of(new VmacSpec(str(p, "name", null), vmacName(p, vrid), str(p, "interface", null), vrid, ipv6,
                p.containsKey("vmac_xmit_base") && bool(p, "vmac_xmit_base"), p.containsKey("use_vmac_addr") && bool(p, "use_vmac_addr")));
    }

    /**
     * The network settings beyond the engine's: use_vmac, and the GARP/NA spacing (keepalived's global
     * vrrp_garp_interval / vrrp_gna_interval, copied into each instance by the config bridge).
     */
    public static InstanceNet net(Map<String, Object> p) {
        return new InstanceNet(vmac(p).orElse(null), Math.round(Double.parseDouble(str(p, "vrrp_garp_interval", "0")) * 1_000_000),
                Math.round(Double.parseDouble(str(p, "vrrp_gna_interval", "0")) * 1_000_000));
    }

    /** {@code use_vmac NAME}, or keepalived's default vrrp.VRID for a bare use_vmac (published as "true"). */
    private static String vmacName(Map<String, Object> p, int vrid) {
        String v = str(p, "use_vmac", "true");
        return v.isEmpty() || v.equals("true") ? Vmac.defaultName(vrid) : v.split("\\s+")[0];
    }

    public static SyncGroupConfig syncGroup(Map<String, Object> p, TrackDefault.Lookup defaults) {
        String name = str(p, "name", null);
        if (name == null) {
            throw new IllegalArgumentException("vrrp_sync_group without name");
        }
        List<String> members = new ArrayList<>();
        lines(p.get("group")).forEach(l -> members.addAll(List.of(l.trim().split("\\s+"))));
        return new SyncGroupConfig(name, members, allTracks(p, defaults));
    }

    /** track_interface, track_script, track_file and track_process of an instance or sync group. */
    private static List<TrackConfig> allTracks(Map<String, Object> p, TrackDefault.Lookup defaults) {
        List<TrackConfig> out = new ArrayList<>(tracks(p, "track_interface", TrackConfig.Kind.INTERFACE, TrackDefault.Lookup.NONE));
        out.addAll(tracks(p, "track_script", TrackConfig.Kind.SCRIPT, defaults));
        out.addAll(tracks(p, "track_file", TrackConfig.Kind.FILE, defaults));
        out.addAll(tracks(p, "track_process", TrackConfig.Kind.PROCESS, defaults));
        return out;
    }

    /**
     * "NAME [weight W [reverse|noreverse]]" lines; what the entry leaves out comes from the tracked object's own
     * weight and reverse (keepalived vrrp_track.c / track_file.c), else keepalived's default (files 1, others 0).
     */
    static List<TrackConfig> tracks(Map<String, Object> p, String key, TrackConfig.Kind kind, TrackDefault.Lookup defaults) {
        List<TrackConfig> out = new ArrayList<>();
        for (String line : lines(p.get(key))) {
            String[] w = line.trim().split("\\s+");
            TrackDefault dflt = defaults.apply(kind, w[0]);
            if (dflt == null) {
                dflt = TrackDefault.unset(kind);
            }
            int weight = dflt.weight();
            boolean reverse = dflt.reverse();
            for (int i = 1; i < w.length; i++) {
                if (w[i].equals("weight") && i + 1 < w.length) {
                    weight = Integer.parseInt(w[++i]);
                } else if (w[i].equals("reverse")) {
                    reverse = true;
                } else if (w[i].equals("noreverse")) {
                    reverse = false;
                }
            }
            out.add(new TrackConfig(kind, w[0], weight, reverse));
        }
        return out;
    }

    /** "IP[/PREFIX] [dev IF] [other options]" -> the engine's VirtualAddress (options kept as text). */
    static VirtualAddress vip(String line) {
        String[] w = line.trim().split("\\s+");
        String[] ap = w[0].split("/");
        String dev = null;
        StringBuilder options = new StringBuilder();
        for (int i = 1; i < w.length; i++) {
            if (w[i].equals("dev") && i + 1 < w.length) {
                dev = w[++i];
            } else {
                options.append(options.length() > 0 ? " " : "").append(w[i]);
            }
        }
        return new VirtualAddress(addr(ap[0]), ap.length > 1 ? Integer.parseInt(ap[1]) : -1, dev, options.toString());
    }

    static List<String> lines(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof String[] a) {
            return List.of(a);
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        String s = v.toString();
        return s.isBlank() ? List.of() : List.of(s.split("\n"));
    }

    private static String str(Map<String, Object> p, String key, String dflt) {
        Object v = p.get(key);
        return v == null ? dflt : v.toString().trim();
    }

    /** keepalived's check_true_false: a bare keyword, true/on/yes are true; false/off/no false. */
    static boolean bool(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String t = v.toString().trim().toLowerCase(Locale.ROOT);
        return !(t.equals("false") || t.equals("off") || t.equals("no"));
    }

    private static InetAddress addr(String text) {
        return AddressLiterals.withZone(text);
    }
}
