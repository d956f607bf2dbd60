package org.halo.status.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.halo.status.api.GroupStatus;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.Peer;
import org.halo.status.api.Track;

/**
 * /tmp/keepalived.data in keepalived 2.2.7's layout (dump_data_vrrp: global definitions, "VRRP Topology",
 * "VRRP Sync groups", "VRRP Scripts"), line for line where Halo has the value; the golden files under
 * src/test/resources/keepalived-2.2.7 are what keepalived wrote. Not written, because Halo has no such
 * thing or does not know it (docs/daemon-runtime.md lists them): global definitions that only concern
 * keepalived's internals (SNMP, DBus, LVS, netlink buffers, process priorities), per instance
 * "Read timeout", socket fds and the "(from configuration)" note of src_ip, and the "VRRP
 * Sockpool", "VRRP Track files", "VRRP Track processes" and "Interfaces" sections.
 */
public final class DataFormat {
    /** ctime(3)'s first 19 characters: the day of month is space-padded ("Nov  3"). */
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss", Locale.ROOT);

    private DataFormat() {
    }

    /** What the data file shows besides instances and groups. */
    public record Context(String routerId, List<ScriptInfo> scripts, ZoneId zone, ToIntFunction<String> ifindex) {
        public Context {
            scripts = List.copyOf(scripts);
        }
    }

    public static String format(String routerId, List<InstanceStatus> instances, List<GroupStatus> groups, ZoneId zone) {
        return format(new Context(routerId, List.of(), zone, n -> 0), instances, groups);
    }

    public static String format(Context ctx, List<InstanceStatus> instances, List<GroupStatus> groups) {
        StringBuilder b = new StringBuilder();
        b.append("------< Global definitions >------\n");
        b.append(" Network namespace = (default)\n");
        b.append(" Router ID = ").append(ctx.routerId() == null || ctx.routerId().isEmpty() ? "na" : ctx.routerId()).append('\n');
        b.append(" VRRP IPv4 mcast group = 224.0.0.18\n");
        b.append(" VRRP IPv6 mcast group = ff02::12\n");
        b.append("------< VRRP Topology >------\n");
        for (InstanceStatus i : instances) {
            instance(b, i, ctx);
        }
        if (!groups.isEmpty()) {
            b.append("------< VRRP Sync groups >------\n");
        }
        Map<String, String> states = instances.stream().collect(Collectors.toMap(InstanceStatus::name, i -> state(i.state()), (x, y) -> x));
        for (GroupStatus g : groups) {
            b.append(" VRRP Sync Group = ").append(g.name()).append(", ").append(state(g.state())).append('\n');
            long fault = g.instances().stream().filter(n -> "FAULT".equals(states.get(n))).count();
            long init = g.instances().stream().filter(n -> "INIT".equals(states.getOrDefault(n, "INIT"))).count();
            b.append("   Num member fault ").append(fault).append(", num member init ").append(init).append('\n');
            b.append("   VRRP member instances :\n");
            g.instances().forEach(n -> b.append("     ").append(n).append('\n'));
            b.append("   Using smtp notification = no\n");
        }
        if (!ctx.scripts().isEmpty()) {
            b.append("------< VRRP Scripts >------\n");
            for (ScriptInfo s : ctx.scripts()) {
                script(b, s, instances);
            }
        }
        return b.toString();
    }

    private static void instance(StringBuilder b, InstanceStatus i, Context ctx) {
        String state = state(i.state());
        boolean backup = "BACKUP".equals(state);
        boolean unicast = !i.peers().isEmpty();
        b.append(" VRRP Instance = ").append(i.name()).append('\n');
        b.append("   VRRP Version = ").append(i.version()).append('\n');
        if (!i.syncGroup().isEmpty()) {
            b.append("   Sync group = ").append(i.syncGroup()).append('\n');
        }
        if (i.ipv6()) {
            b.append("   Using Native IPv6\n");
        }
        b.append("   State = ").append(state).append('\n');
        if (backup && !i.masterAddress().isEmpty()) {
            b.append("   Master router = ").append(i.masterAddress()).append('\n');
            b.append("   Master priority = ").append(i.masterPriority()).append('\n');
            if (i.version() == 3) {
                b.append(String.format(Locale.ROOT, "   Master advert int = %.2f sec\n", i.masterAdvertIntervalSec()));
            }
        }
        b.append(unicast ? "   Flags:\n     Using unicast\n" : "   Flags: none\n");
        b.append("   Wantstate = ").append(state(i.wantState())).append('\n');
        b.append("   Number of config faults = ").append(i.faultCounts().config()).append('\n');
        b.append("   Number of interface and track script faults = ").append(i.faultCounts().scriptIfFault()).append('\n');
        b.append("   Number of track scripts init = ").append(i.faultCounts().scriptInit()).append('\n');
        b.append("   Last transition = ").append(time(i.lastTransitionEpochSec(), ctx.zone())).append('\n');
        b.append("   Master down timer = ").append(i.masterDownMicros()).append(" usecs\n");
        b.append("   Interface = ").append(i.interfaceName()).append('\n');
        if (!i.vmacInterface().isEmpty()) {
            b.append("   Use VMAC, i/f ").append(i.vmacInterface()).append('\n');
        }
        b.append("   Using src_ip = ").append(i.sourceAddress()).append('\n');
        if (!unicast) {
            b.append("   Multicast address ").append(i.ipv6() ? "ff02::12, ifindex " + ctx.ifindex().applyAsInt(i.interfaceName()) : "224.0.0.18")
                    .append('\n');
        }
        b.append("   Gratuitous ARP delay = ").append(i.garp().delay()).append('\n');
        b.append("   Gratuitous ARP repeat = ").append(i.garp().repeat()).append('\n');
        b.append("   Gratuitous ARP refresh = ").append(i.garp().refresh()).append('\n');
        b.append("   Gratuitous ARP refresh repeat = ").append(i.garp().refreshRepeat()).append('\n');
        b.append("   Gratuitous ARP lower priority delay = ").append(i.garp().lowerPrioDelay()).append('\n');
        b.append("   Gratuitous ARP lower priority repeat = ").append(i.garp().lowerPrioRepeat()).append('\n');
        b.append("   Down timer adverts = ").append(i.downTimerAdverts()).append('\n');
        b.append("   Send advert after receive lower priority advert = ").append(!i.lowerPrioNoAdvert()).append('\n');
        b.append("   Send advert after receive higher priority advert = ").append(i.higherPrioSendAdvert()).append('\n');
        b.append("   Virtual Router ID = ").append(i.vrid()).append('\n');
        b.append("   Priority = ").append(i.basePriority()).append('\n');
        b.append("   Effective priority = ").append(i.effectivePriority()).append('\n');
        b.append("   Total priority = ").append(i.effectivePriority()).append('\n');
        b.append("   Advert interval = ").append(advert(i.version(), i.advertIntervalSec())).append('\n');
        if (i.version() == 3 && backup) {
            b.append("   Master advert interval = ").append(advert(3, i.masterAdvertIntervalSec())).append('\n');
        }
        b.append("   Accept = ").append(i.accept() ? "enabled" : "disabled").append('\n');
        b.append("   Preempt = ").append(i.nopreempt() ? "disabled" : "enabled").append('\n');
        if (i.preemptDelaySec() > 0) {
            b.append("   Preempt delay = ").append(i.preemptDelaySec()).append(" secs\n");
        }
        b.append("   Promote_secondaries = disabled\n");
        if (i.version() == 2 && i.authType() == 1) {
            b.append("   Authentication type = SIMPLE_PASSWORD\n");
            b.append("   Password = ").append(i.authData()).append('\n');
        } else if (i.version() == 2 && i.authType() == 2) {
            b.append("   Authentication type = IPSEC_AH\n");
        } else if (i.version() == 2) {
            b.append("   Authentication type = none\n");
        }
        b.append("   Virtual IP (").append(i.vips().size()).append("):\n");
        i.vips().forEach(v -> b.append("     ").append(v).append(i.vipsSet() ? " set" : "").append('\n'));
        if (!i.excludedVips().isEmpty()) {
            b.append("   Virtual IP Excluded :\n");
            i.excludedVips().forEach(v -> b.append("     ").append(v).append(i.vipsSet() ? " set" : "").append('\n'));
        }
        if (unicast) {
            b.append("   Unicast TTL = ").append(i.unicastTtl()).append('\n');
            b.append("   Check unicast src : ").append(i.checkUnicastSrc() ? "yes" : "no").append('\n');
            b.append("   Unicast Peer :\n");
            for (Peer p : i.peers()) {
                b.append("     ").append(p.address()).append(" min_ttl ").append(p.minTtl()).append(" max_ttl ").append(p.maxTtl()).append('\n');
            }
            b.append("   Unicast checksum compatibility = ").append(i.unicastChecksumCompat()).append('\n');
        }
        tracks(b, i, "interface", "Tracked interfaces", " ");
        tracks(b, i, "script", "Tracked scripts", " ");
        tracks(b, i, "file", "Tracked files", ", ");
        tracks(b, i, "process", "Tracked processes", ", ");
        b.append("   Using smtp notification = no\n");
        b.append("   Notify deleted = Fault\n");
        b.append("   Notify priority changes = false\n");
    }

    /** keepalived: "eth1 weight -10 reverse" for interfaces and scripts, "tf1, weight -5" for files and processes. */
    private static void tracks(StringBuilder b, InstanceStatus i, String kind, String title, String sep) {
        List<Track> ts = i.tracks().stream().filter(t -> t.kind().equals(kind)).toList();
        if (!ts.isEmpty()) {
            b.append("   ").append(title).append(" :\n");
            ts.forEach(t -> b.append("     ").append(t.name()).append(sep).append("weight ").append(t.weight()).append(t.reverse() ? " reverse" : "")
                    .append('\n'));
        }
    }

    private static void script(StringBuilder b, ScriptInfo s, List<InstanceStatus> instances) {
        b.append(" VRRP Script = ").append(s.name()).append('\n');
        b.append("   Command = '").append(s.command()).append("'\n");
        b.append("   Interval = ").append(s.interval()).append(" sec\n");
        b.append("   Timeout = ").append(s.timeout()).append(" sec\n");
        b.append("   Weight = ").append(s.weight()).append('\n');
        b.append("   Rise = ").append(s.rise()).append('\n');
        b.append("   Fall = ").append(s.fall()).append('\n');
        b.append("   Result = ").append(s.result()).append('\n');
        b.append("   Insecure = no\n");
        b.append("   Init state = ").append(s.initState()).append('\n');
        b.append("   Status = ").append(s.status()).append('\n');
        b.append("   VRRP instances :\n");
        b.append("   Tracking instances :\n");
        for (InstanceStatus i : instances) {
            for (Track t : i.tracks()) {
                if (t.kind().equals("script") && t.name().equals(s.name())) {
                    b.append("     ").append(i.name()).append(", weight ").append(t.weight()).append('\n');
                }
            }
        }
        // the plug-in host runs probes on its own schedule and does not say whether one is in flight;
        // between probes keepalived's script is "idle", which is what an exporter sees almost always
        b.append("   State = idle\n");
    }

    /**
     * keepalived's dumps know INIT, BACKUP, MASTER and FAULT only (exporters reject anything else); an
     * instance Halo has stopped is shown as keepalived shows one that is not running: INIT.
     */
    static String state(String s) {
        return switch (s) {
            case "BACKUP", "MASTER", "FAULT" -> s;
            default -> "INIT";
        };
    }

    /** "1795464517.286564 (Mon Nov 23 20:08:37.286564 2026)" as keepalived prints timevals. */
    static String time(double epochSec, ZoneId zone) {
        long sec = (long) Math.floor(epochSec);
        long micros = Math.round((epochSec - sec) * 1_000_000) % 1_000_000;
        var t = Instant.ofEpochSecond(sec).atZone(zone);
        return String.format(Locale.ROOT, "%d.%06d (%s.%06d %d)", sec, micros, TS.format(t), micros, t.getYear());
    }

    /** keepalived: VRRPv2 "1 sec" (whole seconds), VRRPv3 always milliseconds ("1000 milli-sec"). */
    static String advert(int version, double sec) {
        long ms = Math.round(sec * 1000);
        return version == 2 ? (ms / 1000) + " sec" : ms + " milli-sec";
    }
}
