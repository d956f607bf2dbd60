package org.halo.status.internal;

import java.util.List;

import org.halo.status.api.Counters;
import org.halo.status.api.InstanceStatus;

/** /tmp/keepalived.stats exactly as keepalived 2.2.7 writes it (vrrp_print_stats in vrrp_print.c). */
public final class StatsFormat {
    private StatsFormat() {
    }

    public static String format(List<InstanceStatus> instances) {
        StringBuilder b = new StringBuilder();
        for (InstanceStatus i : instances) {
            Counters c = i.counters();
            b.append("VRRP Instance: ").append(i.name()).append('\n');
            b.append("  Advertisements:\n");
            b.append("    Received: ").append(c.advertRcvd()).append('\n');
            b.append("    Sent: ").append(c.advertSent()).append('\n');
            b.append("  Became master: ").append(c.becomeMaster()).append('\n');
            b.append("  Released master: ").append(c.releaseMaster()).append('\n');
            b.append("  Packet Errors:\n");
            b.append("    Length: ").append(c.packetLenErr()).append('\n');
            b.append("    TTL: ").append(c.ipTtlErr()).append('\n');
            b.append("    Invalid Type: ").append(c.invalidTypeRcvd()).append('\n');
            b.append("    Advertisement Interval: ").append(c.advertIntervalErr()).append('\n');
            b.append("    Address List: ").append(c.addrListErr()).append('\n');
            b.append("  Authentication Errors:\n");
            b.append("    Invalid Type: ").append(c.invalidAuthtype()).append('\n');
            b.append("    Type Mismatch: ").append(c.authtypeMismatch()).append('\n');
            b.append("    Failure: ").append(c.authFailure()).append('\n');
            b.append("  Priority Zero:\n");
            b.append("    Received: ").append(c.priZeroRcvd()).append('\n');
            b.append("    Sent: ").append(c.priZeroSent()).append('\n');
        }
        return b.toString();
    }
}
