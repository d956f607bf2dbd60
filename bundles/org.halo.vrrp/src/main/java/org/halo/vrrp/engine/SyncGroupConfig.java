package org.halo.vrrp.engine;

import java.util.List;
import java.util.Objects;

/**
 * A vrrp_sync_group: its members follow each other between MASTER, BACKUP and FAULT.
 *
 * @param name group name
 * @param members instance names
 * @param tracks tracked objects applied to every member (keepalived's sync-group track_*)
 */
public record SyncGroupConfig(String name, List<String> members, List<TrackConfig> tracks) {
    public SyncGroupConfig {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
