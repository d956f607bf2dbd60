package org.halo.config.model;

import java.time.Duration;
import java.util.List;

/**
 * vrrp_instance. {@code priority} is the effective base priority (keepalived: 255 when unset and state MASTER, else
 * 100); {@code version} is 2 unless set (here or global vrrp_version). {@code useVmac} is the VMAC interface name
 * ("" for the default vrrp.VRID), null when not used.
 */
public record VrrpInstance(String name, Source source, String state, String iface, int virtualRouterId, int priority,
                           Duration advertInterval, int version, boolean nopreempt, Duration preemptDelay, String unicastSrcIp,
                           List<String> unicastPeers, String mcastSrcIp, List<VirtualAddress> virtualIpaddress,
                           List<VirtualAddress> virtualIpaddressExcluded, List<RouteSpec> virtualRoutes, List<RouteSpec> virtualRules,
                           List<Tracked> trackInterface, List<Tracked> trackScript, List<Tracked> trackFile, List<Tracked> trackProcess,
                           Notify notifyScripts, Authentication authentication, String useVmac, boolean accept, boolean strictMode,
                           boolean dontTrackPrimary, Duration garpMasterDelay, Integer garpMasterRepeat, Duration garpMasterRefresh,
                           Options options) {
    public VrrpInstance {
        unicastPeers = List.copyOf(unicastPeers);
        virtualIpaddress = List.copyOf(virtualIpaddress);
        virtualIpaddressExcluded = List.copyOf(virtualIpaddressExcluded);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
        trackInterface = List.copyOf(trackInterface);
        trackScript = List.copyOf(trackScript);
        trackFile = List.copyOf(trackFile);
        trackProcess = List.copyOf(trackProcess);
    }
}
