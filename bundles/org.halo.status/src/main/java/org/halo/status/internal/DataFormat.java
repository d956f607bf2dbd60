package org.halo.status.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.halo.status.api.GroupStatus;
import org.halo.status.api.InstanceStatus;

/**
 * /tmp/keepalived.data in keepalived 2.2.7's layout (vrrp_print_data / dump_vrrp in vrrp_data.c):
 * the "VRRP Topology" and "VRRP Sync groups" sections, line for line where Halo has the value.
 * Global definitions that only concern keepalived internals (SNMP, DBus, netlink buffer sizes,
 * process priorities) are not written.
 */
public final class DataFormat {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss", Locale.ROOT);

    private DataFormat() {
    }

    public static String format(String routerId, List<InstanceStatus> instances, List<GroupStatus> groups, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("------< Global definitions >------\n");
        b.append(" Network namespace = (default)\n");
        b.append(" Router ID = ").append(routerId == null || routerId.isEmpty() ? "na" : routerId).append('\n');
        b.append(" VRRP IPv4 mcast group = 224.0.0.18\n");
        b.append(" VRRP IPv6 mcast group = ff02::12\n");
        b.append("------< VRRP Topology >------\n");
        for (InstanceStatus i : instances) {
            b.append(" VRRP Instance = ").append(i.name()).append('\n');
            b.append("   VRRP Version = ").append(i.version()).append('\n');
            if (!i.syncGroup().isEmpty()) {
                b.append("   Sync group = ").append(i.syncGroup()).append('\n');
            }
            b.append("   State = ").append(i.state()).append('\n');
            b.append("   Flags: none\n");
            b.append("   Wantstate = ").append(i.wantState()).append('\n');
            b.append("   Last transition = ").append(time(i.lastTransitionEpochSec(), zone)).append('\n');
            b.append("   Master down timer = ").append(i.masterDownMicros()).append(" usecs\n");
            b.append("   Interface = ").append(i.interfaceName()).append('\n');
            if (!i.vmacInterface().isEmpty()) {
                b.append("   Use VMAC, i/f ").append(i.vmacInterface()).append('\n');
            }
            b.append("   Using src_ip = ").append(i.sourceAddress()).append('\n');
            if (i.unicastPeers().isEmpty()) {
                b.append("   Multicast address ").append(i.ipv6() ? "ff02::12" : "224.0.0.18").append('\n');
            } else {
                b.append("   Unicast Peer(s):\n");
                i.unicastPeers().forEach(p -> b.append("     ").append(p).append('\n'));
            }
            b.append("   Gratuitous ARP delay = ").append(i.garp().delay()).append('\n');
            b.append("   Gratuitous ARP repeat = ").append(i.garp().repeat()).append('\n');
            b.append("   Gratuitous ARP refresh = ").append(i.garp().refresh()).append('\n');
            b.append("   Gratuitous ARP refresh repeat = ").append(i.garp().refreshRepeat()).append('\n');
            b.append("   Gratuitous ARP lower priority delay = ").append(i.garp().lowerPrioDelay()).append('\n');
            b.append("   Gratuitous ARP lower priority repeat = ").append(i.garp().lowerPrioRepeat()).append('\n');
            b.append("   Down timer adverts = 3\n");
            b.append("   Virtual Router ID = ").append(i.vrid()).append('\n');
            b.append("   Priority = ").append(i.basePriority()).append('\n');
            b.append("   Effective priority = ").append(i.effectivePriority()).append('\n');
            b.append("   Total priority = ").append(i.effectivePriority()).append('\n');
            b.append("   Advert interval = ").append(advert(i.advertIntervalSec())).append('\n');
            if (i.version() == 3 && !"MASTER".equals(i.state()) && i.masterAdvertIntervalSec() > 0) {
                b.append("   Master advert interval = ").append(advert(i.masterAdvertIntervalSec())).append('\n');
            }
            if (!i.masterAddress().isEmpty() && !"MASTER".equals(i.state())) {
                b.append("   Master router = ").append(i.masterAddress()).append('\n');
                b.append("   Master priority = ").append(i.masterPriority()).append('\n');
            }
            b.append("   Accept = ").append(i.accept() ? "enabled" : "disabled").append('\n');
            b.append("   Preempt = ").append(i.nopreempt() ? "disabled" : "enabled").append('\n');
            if (i.preemptDelaySec() > 0) {
                b.append("   Preempt delay = ").append(i.preemptDelaySec()).append(" secs\n");
            }
            b.append("   Promote_secondaries = disabled\n");
            if (i.authType() == 1) {
                b.append("   Authentication type = SIMPLE_PASSWORD\n");
                b.append("   Password = ").append(i.authData()).append('\n');
            } else if (i.authType() == 2) {
                b.append("   Authentication type = IPSEC_AH\n");
            }
            b.append("   Virtual IP (").append(i.vips().size()).append("):\n");
            i.vips().forEach(v -> b.append("     ").append(v).append(i.vipsSet() ? " set" : "").append('\n'));
        }
        b.append("------< VRRP Sync groups >------\n");
        for (GroupStatus g : groups) {
            b.append(" VRRP Sync Group = ").append(g.name()).append(", ").append(g.state()).append('\n');
            b.append("   VRRP member instances :\n");
            g.instances().forEach(n -> b.append("     ").append(n).append('\n'));
        }
        return b.toString();
    }

    /** "1795464517.286564 (Mon Nov 23 20:08:37.286564 2026)" as keepalived prints timevals. */
    static String time(double epochSec, ZoneId zone) {
        long sec = (long) Math.floor(epochSec);
        long micros = Math.round((epochSec - sec) * 1_000_000) % 1_000_000;
        var t = Instant.ofEpochSecond(sec).atZone(zone);
        return String.format(Locale.ROOT, "%d.%06d (%s.%06d %d)", sec, micros, TS.format(t), micros, t.getYear());
    }

    /** keepalived: "1 sec" for whole seconds, else "100 milli-sec". */
    static String advert(double sec) {
        long ms = Math.round(sec * 1000);
        return ms % 1000 == 0 ? (ms / 1000) + " sec" : ms + " milli-sec";
    }
}
