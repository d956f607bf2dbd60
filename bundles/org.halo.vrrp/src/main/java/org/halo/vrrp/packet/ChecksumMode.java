package org.halo.vrrp.packet;

/** How the VRRPv3 checksum covers the IP pseudo-header (VRRPv2 never uses one). */
public enum ChecksumMode {
    /** RFC 5798 section 5.2.8: pseudo-header with the real source and destination. */
    PSEUDO_HEADER,
    /**
     * keepalived's {@code old_unicast_checksum}: unicast IPv4 adverts summed with the multicast group
     * 224.0.0.18 as pseudo-header destination (what keepalived before 2.0.? sent).
     */
    MCAST_PSEUDO_HEADER,
    /** Checksum over the VRRP message only, as in VRRPv2 (RFC 9568 notes implementations doing this). */
    V2_STYLE
}
