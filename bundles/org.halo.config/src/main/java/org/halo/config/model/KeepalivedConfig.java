package org.halo.config.model;

import java.util.List;

/** A whole keepalived.conf after includes, conditionals, parameters and validation. */
public record KeepalivedConfig(GlobalDefs globalDefs, List<VrrpScript> vrrpScripts, List<TrackFile> trackFiles,
                               List<TrackProcess> trackProcesses, List<VrrpInstance> vrrpInstances, List<SyncGroup> syncGroups,
                               List<VirtualAddress> staticIpaddress, List<RouteSpec> staticRoutes, List<RouteSpec> staticRules,
                               List<VirtualServerGroup> virtualServerGroups, List<VirtualServer> virtualServers) {
    public KeepalivedConfig {
        vrrpScripts = List.copyOf(vrrpScripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        vrrpInstances = List.copyOf(vrrpInstances);
        syncGroups = List.copyOf(syncGroups);
        staticIpaddress = List.copyOf(staticIpaddress);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        virtualServerGroups = List.copyOf(virtualServerGroups);
        virtualServers = List.copyOf(virtualServers);
    }
}
