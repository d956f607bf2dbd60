package org.halo.status.api;

import java.util.List;

/** A vrrp_sync_group: name, state (MASTER, BACKUP, FAULT, ...) and member instance names. */
public record GroupStatus(String name, String state, List<String> instances) {
    public GroupStatus {
        instances = List.copyOf(instances);
    }
}
