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
 * @param peers              unicast peers with their accepted TTL range (keepalived's min_ttl / max_ttl)
 * @param unicastTtl         unicast_ttl
 * @param checkUnicastSrc    check_unicast_src
 * @param unicastChecksumCompat keepalived's "Unicast checksum compatibility": {@code no} or {@code yes} (old_unicast_checksum)
 * @param tracks             tracked interfaces, scripts, files and processes
 * @param downTimerAdverts   down_timer_adverts
 * @param lowerPrioNoAdvert  lower_prio_no_advert in force
 * @param higherPrioSendAdvert higher_prio_send_advert in force
 * @param skipCheckAdvAddr   skip_check_adv_addr
 * @param strict             vrrp_strict
 * @param dontTrackPrimary   dont_track_primary
 * @param excludedVips       virtual_ipaddress_excluded, formatted as {@code vips}
 * @param faultCounts        keepalived's config, interface/script fault and script init counters
 */
public record InstanceStatus(String name, int vrid, int version, boolean ipv6, String interfaceName, String vmacInterface,
        String state, String wantState, int basePriority, int effectivePriority, int masterPriority,
        double advertIntervalSec, double masterAdvertIntervalSec, String masterAddress, String sourceAddress,
        List<String> unicastPeers, boolean nopreempt, int preemptDelaySec, boolean accept, int authType, String authData,
        List<String> vips, boolean vipsSet, String syncGroup, double lastTransitionEpochSec, long masterDownMicros, Garp garp,
        Counters counters, List<Peer> peers, int unicastTtl, boolean checkUnicastSrc, String unicastChecksumCompat, List<Track> tracks,
        int downTimerAdverts, boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert, boolean skipCheckAdvAddr, boolean strict,
        boolean dontTrackPrimary, List<String> excludedVips, FaultCounts faultCounts) {
    public InstanceStatus {
        faultCounts = faultCounts == null ? FaultCounts.NONE : faultCounts;
        excludedVips = List.copyOf(excludedVips);
        unicastPeers = List.copyOf(unicastPeers);
        vips = List.copyOf(vips);
        peers = List.copyOf(peers);
        tracks = List.copyOf(tracks);
        unicastChecksumCompat = unicastChecksumCompat == null ? "no" : unicastChecksumCompat;
    }

    /**
     * The 1.0 form: the fields added in 1.1 take keepalived's defaults (peers with TTL 0..255, unicast_ttl
     * 255, no tracks, down_timer_adverts 3, every option off).
     */
    public InstanceStatus(String name, int vrid, int version, boolean ipv6, String interfaceName, String vmacInterface, String state,
            String wantState, int basePriority, int effectivePriority, int masterPriority, double advertIntervalSec,
            double masterAdvertIntervalSec, String masterAddress, String sourceAddress, List<String> unicastPeers, boolean nopreempt,
            int preemptDelaySec, boolean accept, int authType, String authData, List<String> vips, boolean vipsSet, String syncGroup,
            double lastTransitionEpochSec, long masterDownMicros, Garp garp, Counters counters) {
        this(name, vrid, version, ipv6, interfaceName, vmacInterface, state, wantState, basePriority, effectivePriority, masterPriority,
                advertIntervalSec, masterAdvertIntervalSec, masterAddress, sourceAddress, unicastPeers, nopreempt, preemptDelaySec, accept,
                authType, authData, vips, vipsSet, syncGroup, lastTransitionEpochSec, masterDownMicros, garp, counters,
                unicastPeers.stream().map(p -> new Peer(p, 0, 255)).toList(), 255, false, "no", List.of(), 3, false, false, false, false,
                false, List.of(), FaultCounts.NONE);
    }

    /** The 1.1 form, without fault counters (all 0). */
    public InstanceStatus(String name, int vrid, int version, boolean ipv6, String interfaceName, String vmacInterface, String state,
            String wantState, int basePriority, int effectivePriority, int masterPriority, double advertIntervalSec,
            double masterAdvertIntervalSec, String masterAddress, String sourceAddress, List<String> unicastPeers, boolean nopreempt,
            int preemptDelaySec, boolean accept, int authType, String authData, List<String> vips, boolean vipsSet, String syncGroup,
            double lastTransitionEpochSec, long masterDownMicros, Garp garp, Counters counters, List<Peer> peers, int unicastTtl,
            boolean checkUnicastSrc, String unicastChecksumCompat, List<Track> tracks, int downTimerAdverts, boolean lowerPrioNoAdvert,
            boolean higherPrioSendAdvert, boolean skipCheckAdvAddr, boolean strict, boolean dontTrackPrimary, List<String> excludedVips) {
        this(name, vrid, version, ipv6, interfaceName, vmacInterface, state, wantState, basePriority, effectivePriority, masterPriority,
                advertIntervalSec, masterAdvertIntervalSec, masterAddress, sourceAddress, unicastPeers, nopreempt, preemptDelaySec, accept,
                authType, authData, vips, vipsSet, syncGroup, lastTransitionEpochSec, masterDownMicros, garp, counters, peers, unicastTtl,
                checkUnicastSrc, unicastChecksumCompat, tracks, downTimerAdverts, lowerPrioNoAdvert, higherPrioSendAdvert, skipCheckAdvAddr,
                strict, dontTrackPrimary, excludedVips, FaultCounts.NONE);
    }

    /** The same status with other counters (keepalived's stats-clear shows counters since the clear). */
    public InstanceStatus withCounters(Counters c) {
        return new InstanceStatus(name, vrid, version, ipv6, interfaceName, vmacInterface, state, wantState, basePriority, effectivePriority,
                masterPriority, advertIntervalSec, masterAdvertIntervalSec, masterAddress, sourceAddress, unicastPeers, nopreempt,
                preemptDelaySec, accept, authType, authData, vips, vipsSet, syncGroup, lastTransitionEpochSec, masterDownMicros, garp, c, peers,
                unicastTtl, checkUnicastSrc, unicastChecksumCompat, tracks, downTimerAdverts, lowerPrioNoAdvert, higherPrioSendAdvert,
                skipCheckAdvAddr, strict, dontTrackPrimary, excludedVips, faultCounts);
    }
}
