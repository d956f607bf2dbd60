package org.halo.vrrp.runtime.core;

import java.util.List;

import org.halo.status.api.Counters;
import org.halo.status.api.Garp;
import org.halo.status.api.InstanceStatus;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.InstanceSnapshot;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.packet.AuthType;

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
        String pass = authType == 1 ? new String(c.authPass(), java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "") : "";
        long masterDown = 3 * s.masterAdvertIntervalMillis() * 1000 + ((256L - s.basePriority()) * s.masterAdvertIntervalMillis() * 1000) / 256;
        return new InstanceStatus(s.name(), c.vrid(), c.version(), c.ipv6(), c.interfaceName(), "", s.state().name(), s.state().name(), s.basePriority(),
                s.effectivePriority(), s.state().name().equals("MASTER") ? 0 : s.masterPriority(), s.advertIntervalMillis() / 1000.0,
                s.masterAdvertIntervalMillis() / 1000.0, s.masterAddress() == null ? "" : s.masterAddress().getHostAddress(),
                c.sourceAddress().getHostAddress(), c.unicastPeers().stream().map(p -> p.address().getHostAddress()).toList(), c.nopreempt(),
                (int) (c.preemptDelayMillis() / 1000), c.accept() == null || c.accept(), authType, pass, vips(s.virtualAddresses(), c.interfaceName()),
                s.vipsSet(), s.syncGroup() == null ? "" : s.syncGroup(), lastTransition, masterDown, garp, counters);
    }

    static List<String> vips(List<VirtualAddress> vs, String iface) {
        return vs.stream().map(v -> v.address().getHostAddress() + "/" + (v.prefixLength() >= 0 ? v.prefixLength() : v.ipv6() ? 128 : 32) + " dev "
                + (v.device() == null ? iface : v.device()) + " scope global").toList();
    }

}
