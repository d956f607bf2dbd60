package org.halo.api.vrrp;

import java.util.List;
import java.util.Objects;

/**
 * Snapshot of one {@code vrrp_sync_group}.
 *
 * @param name      group name
 * @param state     the group's state
 * @param instances member instance names
 */
public record VrrpGroupView(String name, VrrpState state, List<String> instances) {

    public VrrpGroupView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        instances = List.copyOf(instances);
    }
}
