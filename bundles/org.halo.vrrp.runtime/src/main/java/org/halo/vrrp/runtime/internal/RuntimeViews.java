package org.halo.vrrp.runtime.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.halo.api.vrrp.VrrpCounters;
import org.halo.api.vrrp.VrrpGroupView;
import org.halo.api.vrrp.VrrpInstanceView;
import org.halo.api.vrrp.VrrpRuntime;
import org.halo.api.vrrp.VrrpState;
import org.halo.status.api.Counters;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.StatusSource;

/** D's read-only {@link VrrpRuntime} view over the node's status snapshots. */
final class RuntimeViews implements VrrpRuntime {
    private final StatusSource source;

    RuntimeViews(StatusSource source) {
        this.source = source;
    }

    static VrrpState state(String s) {
        try {
            return VrrpState.valueOf(s);
        } catch (IllegalArgumentException e) {
            return VrrpState.INIT;
        }
    }

    static VrrpInstanceView view(InstanceStatus i) {
        Counters c = i.counters();
        long sec = (long) i.lastTransitionEpochSec();
        Instant since = Instant.ofEpochSecond(sec, (long) ((i.lastTransitionEpochSec() - sec) * 1e9));
        return new VrrpInstanceView(i.name(), i.vrid(), i.ipv6(), i.interfaceName(), state(i.state()), i.basePriority(), i.effectivePriority(),
                i.vips(), since, new VrrpCounters(c.advertRcvd(), c.advertSent(), c.becomeMaster(), c.releaseMaster(), c.packetLenErr(), c.ipTtlErr(),
                        c.invalidTypeRcvd(), c.addrListErr(), c.invalidAuthtype(), c.authtypeMismatch(), c.authFailure(), c.priZeroRcvd(), c.priZeroSent()));
    }

    @Override
    public List<VrrpInstanceView> instances() {
        return source.instances().stream().map(RuntimeViews::view).toList();
    }

    @Override
    public Optional<VrrpInstanceView> instance(String name) {
        return source.instances().stream().filter(i -> i.name().equals(name)).findFirst().map(RuntimeViews::view);
    }

    @Override
    public List<VrrpGroupView> groups() {
        return source.groups().stream().map(g -> new VrrpGroupView(g.name(), state(g.state()), g.instances())).toList();
    }
}
