package org.halo.config.model;

import java.util.List;

/** vrrp_sync_group: its member instances, notify scripts and group-level tracking. */
public record SyncGroup(String name, Source source, List<String> group, Notify notifyScripts, List<Tracked> trackInterface,
                        List<Tracked> trackScript, List<Tracked> trackFile, List<Tracked> trackProcess, Options options) {
    public SyncGroup {
        group = List.copyOf(group);
        trackInterface = List.copyOf(trackInterface);
        trackScript = List.copyOf(trackScript);
        trackFile = List.copyOf(trackFile);
        trackProcess = List.copyOf(trackProcess);
    }
}
