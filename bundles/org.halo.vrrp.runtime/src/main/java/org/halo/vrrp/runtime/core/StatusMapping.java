package org.halo.vrrp.runtime.core;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.halo.status.api.Counters;
import org.halo.status.api.FaultCounts;
import org.halo.status.api.Garp;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.Peer;
import org.halo.status.api.Track;
import org.halo.vrrp.engine.Addresses;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.InstanceSnapshot;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.engine.VrrpState;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.packet.ChecksumMode;

/** Engine snapshot + configuration -> the dumps' and shell's view of an instance. */
final class StatusMapping {
    private StatusMapping() {
    }

    static InstanceStatus toStatus(InstanceSnapshot s, InstanceConfig c, long nowNanos, double nowEpochSec) {
        var k = s.counters();
        Counters counters = new Counters(k.advertRcvd(), k.advertSent(), k.becomeMaster(), k.releaseMaster(), k.packetLenErr(), k.advertIntervalErr(),
                k.ipTtlErr(), k.invalidTypeRcvd(), k.addrListErr(), k.invalidAuthtype(), k.authtypeMismatch(), k.authFailure(), k.priZeroRcvd(),
                k.priZeroSent());
        var g = c.garp();
        Garp garp = new Garp((int) (g.masterDelayMillis() / 1000), g.masterRepeat(), (int) (g.masterRefreshMillis() / 1000), g.masterRefreshRepeat(),
                (int) (g.lowerPrioDelayMillis() / 1000), g.lowerPrioRepeat());
        double lastTransition = nowEpochSec - (nowNanos - s.lastTransitionNanos()) / 1e9;
        int authType = c.authType() == AuthType.NONE ? 0 : c.authType() == AuthType.PASS ? 1 : 2;
        String pass = authType == 1 ? new String(c.authPass(), StandardCharsets.US_ASCII).replace("\0", "") : "";
        // keepalived: master_down_int = down_timer_adverts * master_adver_int + skew, skew = (256 - effective priority) * adver_int / 256
        long advUs = s.masterAdvertIntervalMillis() * 1000;
        long masterDown = c.downTimerAdverts() * advUs + ((256L - s.effectivePriority()) * advUs) / 256;
        String state = s.state().name();
        // keepalived's strict mode turns the unset advert options on and accept off (vrrp_parser / vrrp.c)
        boolean lowerPrioNoAdvert = c.lowerPrioNoAdvert() != null ? c.lowerPrioNoAdvert() : c.strict();
        boolean higherPrioSendAdvert = c.higherPrioSendAdvert() != null ? c.higherPrioSendAdvert() : c.strict();
        boolean accept = c.accept() != null ? c.accept() : !c.strict();
        return new InstanceStatus(s.name(), c.vrid(), c.version(), c.ipv6(), c.interfaceName(), "", state, s.wantState().name(), s.basePriority(),
                s.effectivePriority(), s.state() == VrrpState.MASTER ? 0 : s.masterPriority(), s.advertIntervalMillis() / 1000.0,
                s.masterAdvertIntervalMillis() / 1000.0, s.masterAddress() == null ? "" : addr(s.masterAddress()),
                addr(c.sourceAddress()), c.unicastPeers().stream().map(p -> addr(p.address())).toList(), c.nopreempt(),
                (int) (c.preemptDelayMillis() / 1000), accept, authType, pass, vips(s.virtualAddresses(), c.interfaceName()),
                s.vipsSet(), s.syncGroup() == null ? "" : s.syncGroup(), lastTransition, masterDown, garp, counters,
                c.unicastPeers().stream().map(p -> new Peer(addr(p.address()), p.minTtl(), p.maxTtl())).toList(), c.unicastTtl(),
                c.checkUnicastSrc(), c.checksumMode() == ChecksumMode.MCAST_PSEUDO_HEADER ? "yes" : "no",
                c.tracks().stream().map(t -> new Track(t.kind().name().toLowerCase(Locale.ROOT), t.name(), t.weight(), t.reverse())).toList(),
                c.downTimerAdverts(), lowerPrioNoAdvert, higherPrioSendAdvert, c.skipCheckAdvAddr(), c.strict(), c.dontTrackPrimary(),
                vips(c.excludedAddresses(), c.interfaceName()), new FaultCounts(0, s.scriptIfFaults(), s.scriptsInit()));
    }

    /**
     * keepalived's address line (captured from 2.2.7): "IP[/PREFIX] dev IF scope S [label L]", the prefix only
     * when shorter than the address, IPv6 with "preferred_lft forever".
     */
    static List<String> vips(List<VirtualAddress> vs, String iface) {
        return vs.stream().map(v -> {
            int full = v.ipv6() ? 128 : 32;
            int prefix = v.prefixLength() >= 0 ? v.prefixLength() : full;
            String label = option(v.options(), "label", null);
            return addr(v.address()) + (prefix == full ? "" : "/" + prefix) + " dev " + (v.device() == null ? iface : v.device()) + " scope "
                    + option(v.options(), "scope", "global") + (label == null ? "" : " label " + label) + (v.ipv6() ? " preferred_lft forever" : "");
        }).toList();
    }

    /** Addresses as inet_ntop writes them (RFC 5952), the engine's own formatting. */
    static String addr(InetAddress a) {
        return Addresses.format(a);
    }

    private static String option(String options, String name, String dflt) {
        String[] w = options.trim().split("\\s+");
        for (int i = 0; i + 1 < w.length; i++) {
            if (w[i].equals(name)) {
                return w[i + 1];
            }
        }
        return dflt;
    }
}
