package org.halo.status.api;

import java.util.List;

/**
 * One vrrp_instance as the dumps show it.
 *
 * @param name               instance name (iname)
 * @param vrid               virtual router id
 * @param version            VRRP version 2 or 3
 * @param ipv6               address family
 * @param interfaceName      ifp_ifname
 * @param vmacInterface      VMAC interface name or empty
 * @param state              INIT, BACKUP, MASTER, FAULT or STOP
 * @param wantState          the state the instance is heading to
 * @param basePriority       configured priority
 * @param effectivePriority  after track weights
 * @param masterPriority     priority of the current master as last heard (0 when we are master)
 * @param advertIntervalSec  configured advert interval, seconds
 * @param masterAdvertIntervalSec master's advert interval as last heard (v3), seconds
 * @param masterAddress      address of the current master, or empty
 * @param sourceAddress      the address adverts are sent from
 * @param unicastPeers       unicast peers, empty for multicast
 * @param nopreempt          nopreempt set
 * @param preemptDelaySec    preempt_delay, seconds
 * @param accept             accept mode
 * @param authType           0 none, 1 PASS, 2 AH (keepalived's numbering)
 * @param authData           PASS password, empty otherwise
 * @param vips               VIPs formatted as keepalived does ("10.0.0.1/24 dev eth0 scope global")
 * @param vipsSet            VIPs currently configured
 * @param syncGroup          sync group name or empty
 * @param lastTransitionEpochSec wall-clock time of the last transition, seconds with micros
 * @param masterDownMicros   master down interval, microseconds
 * @param garp               gratuitous ARP settings
 * @param counters           counters since start or last clear
 */
public record InstanceStatus(String name, int vrid, int version, boolean ipv6, String interfaceName, String vmacInterface,
        String state, String wantState, int basePriority, int effectivePriority, int masterPriority,
        double advertIntervalSec, double masterAdvertIntervalSec, String masterAddress, String sourceAddress,
        List<String> unicastPeers, boolean nopreempt, int preemptDelaySec, boolean accept, int authType, String authData,
        List<String> vips, boolean vipsSet, String syncGroup, double lastTransitionEpochSec, long masterDownMicros, Garp garp,
        Counters counters) {
    public InstanceStatus {
        unicastPeers = List.copyOf(unicastPeers);
        vips = List.copyOf(vips);
    }
}
