package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A VRRP packet as received, handed to {@link VrrpEngine#receive}.
 *
 * @param interfaceName receiving interface
 * @param source IP source address
 * @param destination IP destination (multicast group or our unicast address)
 * @param ttl IPv4 TTL or IPv6 hop limit; -1 if unknown (checks are then skipped, as keepalived does)
 * @param vrrpMessage the VRRP header and body (IP and AH headers stripped)
 * @param ipv4Datagram the whole IPv4 datagram when available (required to verify keepalived's AH); null otherwise
 */
public record InboundPacket(String interfaceName, InetAddress source, InetAddress destination, int ttl,
        byte[] vrrpMessage, byte[] ipv4Datagram) {
    public InboundPacket {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(vrrpMessage, "vrrpMessage");
    }

    /** @return the same packet as received on another interface. */
    public InboundPacket withInterface(String name) {
        return new InboundPacket(name, source, destination, ttl, vrrpMessage, ipv4Datagram);
    }
}
