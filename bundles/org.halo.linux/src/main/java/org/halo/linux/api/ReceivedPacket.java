package org.halo.linux.api;

import java.net.InetAddress;

/**
 * A VRRP packet as received on a raw socket.
 *
 * @param payload the VRRP header and body (the IPv4 header already stripped)
 * @param source IP source address
 * @param destination IP destination address (the group, or the local unicast address)
 * @param ttl IPv4 TTL from the IP header, or IPv6 hop limit from IPV6_HOPLIMIT ancillary data; RFC 5798
 *        section 7.1 requires 255
 * @param ifindex receiving interface index
 */
public record ReceivedPacket(byte[] payload, InetAddress source, InetAddress destination, int ttl,
        int ifindex) {
}
