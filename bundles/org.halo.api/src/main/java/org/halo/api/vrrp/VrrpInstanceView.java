package org.halo.api.vrrp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Snapshot of one {@code vrrp_instance}.
 *
 * @param name              instance name, e.g. {@code VI_1}
 * @param virtualRouterId   VRID 1..255
 * @param ipv6              {@code true} for an IPv6 instance
 * @param interfaceName     interface the instance runs on
 * @param state             current state
 * @param basePriority      configured priority
 * @param effectivePriority priority after track weights
 * @param virtualAddresses  configured virtual addresses, as written in the configuration
 * @param stateSince        when {@code state} was entered
 * @param counters          counters since start
 */
public record VrrpInstanceView(String name, int virtualRouterId, boolean ipv6, String interfaceName,
        VrrpState state, int basePriority, int effectivePriority, List<String> virtualAddresses,
        Instant stateSince, VrrpCounters counters) {

    public VrrpInstanceView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        virtualAddresses = List.copyOf(virtualAddresses);
    }
}
