package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.packet.ChecksumMode;

/**
 * Immutable configuration of one vrrp_instance, mirroring keepalived's fields. Build with {@link #builder}.
 * Booleans that keepalived leaves "unset" (its default depends on vrrp_strict) are {@link Boolean} and may
 * be null. keepalived's consistency rules (strict mode, owner, initial state MASTER, ...) are applied by
 * {@link ConfigChecks} when the engine is configured, with keepalived's warnings.
 *
 * @param name instance name (VI_1)
 * @param vrid virtual_router_id 1..255
 * @param priority base priority 1..255
 * @param version VRRP version 2 or 3
 * @param advertIntervalMillis advert_int in milliseconds (v2 whole seconds, v3 multiples of 10 ms)
 * @param interfaceName interface
 * @param ipv6 address family of the instance
 * @param sourceAddress the address adverts are sent from (unicast_src_ip / mcast_src_ip, else the
 *        interface's primary address, resolved by the host); used for the v3 checksum and the
 *        equal-priority tie-break
 * @param unicastPeers unicast_peer entries; empty = multicast
 * @param virtualAddresses virtual_ipaddress (advertised)
 * @param excludedAddresses virtual_ipaddress_excluded (not advertised)
 * @param virtualRoutes virtual_routes lines, passed to the network port verbatim
 * @param virtualRules virtual_rules lines, passed verbatim
 * @param authType authentication auth_type (v2 only)
 * @param authPass auth_pass bytes (truncated/zero-padded to 8)
 * @param initialMaster {@code state MASTER}
 * @param nopreempt nopreempt
 * @param preemptDelayMillis preempt_delay
 * @param garp GARP / NA schedule
 * @param lowerPrioNoAdvert lower_prio_no_advert (null = unset)
 * @param higherPrioSendAdvert higher_prio_send_advert (null = unset)
 * @param accept accept / no_accept (null = unset)
 * @param strict vrrp_strict
 * @param tracks track_interface / track_script / track_file / track_process
 * @param downTimerAdverts down_timer_adverts (default 3)
 * @param skipCheckAdvAddr skip_check_adv_addr
 * @param checkUnicastSrc check_unicast_src
 * @param checksumMode VRRPv3 IPv4 checksum form (old_unicast_checksum = MCAST_PSEUDO_HEADER)
 * @param unicastTtl unicast_ttl (default 255)
 * @param dontTrackPrimary dont_track_primary: the instance's own interface going down does not cause FAULT
 * @param multicastGroup mcast_dst_ip: the group multicast adverts go to (and are received on); null for
 *        224.0.0.18 / ff02::12
 */
public record InstanceConfig(String name, int vrid, int priority, int version, long advertIntervalMillis,
        String interfaceName, boolean ipv6, InetAddress sourceAddress, List<UnicastPeer> unicastPeers,
        List<VirtualAddress> virtualAddresses, List<VirtualAddress> excludedAddresses, List<String> virtualRoutes,
        List<String> virtualRules, AuthType authType, byte[] authPass, boolean initialMaster, boolean nopreempt,
        long preemptDelayMillis, GarpConfig garp, Boolean lowerPrioNoAdvert, Boolean higherPrioSendAdvert,
        Boolean accept, boolean strict, List<TrackConfig> tracks, int downTimerAdverts, boolean skipCheckAdvAddr,
        boolean checkUnicastSrc, ChecksumMode checksumMode, int unicastTtl, boolean dontTrackPrimary,
        InetAddress multicastGroup) {

    public InstanceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("virtual_router_id must be 1..255: " + vrid);
        }
        if (priority < 1 || priority > 255) {
            throw new IllegalArgumentException("priority must be 1..255: " + priority);
        }
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3: " + version);
        }
        unicastPeers = List.copyOf(unicastPeers);
        virtualAddresses = List.copyOf(virtualAddresses);
        excludedAddresses = List.copyOf(excludedAddresses);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
        authType = authType == null ? AuthType.NONE : authType;
        authPass = authPass == null ? new byte[8] : java.util.Arrays.copyOf(authPass, 8);
        garp = garp == null ? GarpConfig.DEFAULT : garp;
        tracks = List.copyOf(tracks);
        checksumMode = checksumMode == null ? ChecksumMode.PSEUDO_HEADER : checksumMode;
        if (downTimerAdverts < 1 || downTimerAdverts > 100) {
            throw new IllegalArgumentException("down_timer_adverts must be 1..100: " + downTimerAdverts);
        }
        if (unicastTtl < 0 || unicastTtl > 255) {
            throw new IllegalArgumentException("unicast_ttl must be 0..255: " + unicastTtl);
        }
        if (multicastGroup != null && (!multicastGroup.isMulticastAddress() || (multicastGroup.getAddress().length == 16) != ipv6)) {
            throw new IllegalArgumentException("mcast_dst_ip must be an IPv" + (ipv6 ? "6" : "4") + " multicast address: " + multicastGroup);
        }
    }

    /** The 1.0 form: adverts to 224.0.0.18 / ff02::12. */
    public InstanceConfig(String name, int vrid, int priority, int version, long advertIntervalMillis, String interfaceName, boolean ipv6,
            InetAddress sourceAddress, List<UnicastPeer> unicastPeers, List<VirtualAddress> virtualAddresses,
            List<VirtualAddress> excludedAddresses, List<String> virtualRoutes, List<String> virtualRules, AuthType authType, byte[] authPass,
            boolean initialMaster, boolean nopreempt, long preemptDelayMillis, GarpConfig garp, Boolean lowerPrioNoAdvert,
            Boolean higherPrioSendAdvert, Boolean accept, boolean strict, List<TrackConfig> tracks, int downTimerAdverts,
            boolean skipCheckAdvAddr, boolean checkUnicastSrc, ChecksumMode checksumMode, int unicastTtl, boolean dontTrackPrimary) {
        this(name, vrid, priority, version, advertIntervalMillis, interfaceName, ipv6, sourceAddress, unicastPeers, virtualAddresses,
                excludedAddresses, virtualRoutes, virtualRules, authType, authPass, initialMaster, nopreempt, preemptDelayMillis, garp,
                lowerPrioNoAdvert, higherPrioSendAdvert, accept, strict, tracks, downTimerAdverts, skipCheckAdvAddr, checkUnicastSrc,
                checksumMode, unicastTtl, dontTrackPrimary, null);
    }

    @Override
    public byte[] authPass() {
        return authPass.clone();
    }

    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }

    /** @return a builder pre-filled with this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(name, vrid, interfaceName, sourceAddress);
        b.priority = priority;
        b.version = version;
        b.advertIntervalMillis = advertIntervalMillis;
        b.ipv6 = ipv6;
        b.unicastPeers = new ArrayList<>(unicastPeers);
        b.virtualAddresses = new ArrayList<>(virtualAddresses);
        b.excludedAddresses = new ArrayList<>(excludedAddresses);
        b.virtualRoutes = new ArrayList<>(virtualRoutes);
        b.virtualRules = new ArrayList<>(virtualRules);
        b.authType = authType;
        b.authPass = authPass;
        b.initialMaster = initialMaster;
        b.nopreempt = nopreempt;
        b.preemptDelayMillis = preemptDelayMillis;
        b.garp = garp;
        b.lowerPrioNoAdvert = lowerPrioNoAdvert;
        b.higherPrioSendAdvert = higherPrioSendAdvert;
        b.accept = accept;
        b.strict = strict;
        b.tracks = new ArrayList<>(tracks);
        b.downTimerAdverts = downTimerAdverts;
        b.skipCheckAdvAddr = skipCheckAdvAddr;
        b.checkUnicastSrc = checkUnicastSrc;
        b.checksumMode = checksumMode;
        b.unicastTtl = unicastTtl;
        b.dontTrackPrimary = dontTrackPrimary;
        b.multicastGroup = multicastGroup;
        return b;
    }

    public static Builder builder(String name, int vrid, String interfaceName, InetAddress sourceAddress) {
        return new Builder(name, vrid, interfaceName, sourceAddress);
    }

    /** Mutable builder with keepalived's defaults (priority 100, version 2, advert_int 1). */
    public static final class Builder {
        private final String name;
        private final int vrid;
        private final String interfaceName;
        private final InetAddress sourceAddress;
        private int priority = 100;
        private int version = 2;
        private long advertIntervalMillis = 1000;
        private boolean ipv6;
        private List<UnicastPeer> unicastPeers = new ArrayList<>();
        private List<VirtualAddress> virtualAddresses = new ArrayList<>();
        private List<VirtualAddress> excludedAddresses = new ArrayList<>();
        private List<String> virtualRoutes = new ArrayList<>();
        private List<String> virtualRules = new ArrayList<>();
        private AuthType authType = AuthType.NONE;
        private byte[] authPass;
        private boolean initialMaster;
        private boolean nopreempt;
        private long preemptDelayMillis;
        private GarpConfig garp = GarpConfig.DEFAULT;
        private Boolean lowerPrioNoAdvert;
        private Boolean higherPrioSendAdvert;
        private Boolean accept;
        private boolean strict;
        private List<TrackConfig> tracks = new ArrayList<>();
        private int downTimerAdverts = 3;
        private boolean skipCheckAdvAddr;
        private boolean checkUnicastSrc;
        private ChecksumMode checksumMode = ChecksumMode.PSEUDO_HEADER;
        private int unicastTtl = 255;
        private boolean dontTrackPrimary;
        private InetAddress multicastGroup;

        private Builder(String name, int vrid, String interfaceName, InetAddress sourceAddress) {
            this.name = name;
            this.vrid = vrid;
            this.interfaceName = interfaceName;
            this.sourceAddress = sourceAddress;
            this.ipv6 = sourceAddress != null && sourceAddress.getAddress().length == 16;
        }

        public Builder priority(int v) { priority = v; return this; }
        public Builder version(int v) { version = v; return this; }
        public Builder advertIntervalMillis(long v) { advertIntervalMillis = v; return this; }
        public Builder ipv6(boolean v) { ipv6 = v; return this; }
        public Builder unicastPeer(UnicastPeer v) { unicastPeers.add(v); return this; }
        public Builder virtualAddress(VirtualAddress v) { virtualAddresses.add(v); return this; }
        public Builder excludedAddress(VirtualAddress v) { excludedAddresses.add(v); return this; }
        public Builder virtualRoute(String v) { virtualRoutes.add(v); return this; }
        public Builder virtualRule(String v) { virtualRules.add(v); return this; }
        public Builder auth(AuthType type, byte[] pass) { authType = type; authPass = pass; return this; }
        public Builder initialMaster(boolean v) { initialMaster = v; return this; }
        public Builder nopreempt(boolean v) { nopreempt = v; return this; }
        public Builder preemptDelayMillis(long v) { preemptDelayMillis = v; return this; }
        public Builder garp(GarpConfig v) { garp = v; return this; }
        public Builder lowerPrioNoAdvert(Boolean v) { lowerPrioNoAdvert = v; return this; }
        public Builder higherPrioSendAdvert(Boolean v) { higherPrioSendAdvert = v; return this; }
        public Builder accept(Boolean v) { accept = v; return this; }
        public Builder strict(boolean v) { strict = v; return this; }
        public Builder track(TrackConfig v) { tracks.add(v); return this; }
        public Builder downTimerAdverts(int v) { downTimerAdverts = v; return this; }
        public Builder skipCheckAdvAddr(boolean v) { skipCheckAdvAddr = v; return this; }
        public Builder checkUnicastSrc(boolean v) { checkUnicastSrc = v; return this; }
        public Builder checksumMode(ChecksumMode v) { checksumMode = v; return this; }
        public Builder unicastTtl(int v) { unicastTtl = v; return this; }
        public Builder dontTrackPrimary(boolean v) { dontTrackPrimary = v; return this; }
        public Builder multicastGroup(InetAddress v) { multicastGroup = v; return this; }

        public InstanceConfig build() {
            return new InstanceConfig(name, vrid, priority, version, advertIntervalMillis, interfaceName, ipv6,
                    sourceAddress, unicastPeers, virtualAddresses, excludedAddresses, virtualRoutes, virtualRules,
                    authType, authPass, initialMaster, nopreempt, preemptDelayMillis, garp, lowerPrioNoAdvert,
                    higherPrioSendAdvert, accept, strict, tracks, downTimerAdverts, skipCheckAdvAddr,
                    checkUnicastSrc, checksumMode, unicastTtl, dontTrackPrimary, multicastGroup);
        }
    }
}
