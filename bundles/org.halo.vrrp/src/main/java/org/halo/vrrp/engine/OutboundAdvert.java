package org.halo.vrrp.engine;

import java.net.InetAddress;

/**
 * One advert to send, produced by the engine.
 *
 * @param instance instance name
 * @param interfaceName interface to send on
 * @param source source address used for the checksum (the socket must send from it)
 * @param destination 224.0.0.18 / ff02::12, or one unicast peer
 * @param ttl TTL / hop limit (255 unless configured for unicast)
 * @param vrrpMessage VRRP header and body with the checksum filled in (for IPv6 too)
 * @param ipv4Datagram for auth_type AH only: the complete IPv4 datagram (header, AH, VRRP) to send with
 *        IP_HDRINCL, since the AH ICV covers the IP header; null otherwise
 */
public record OutboundAdvert(String instance, String interfaceName, InetAddress source, InetAddress destination,
        int ttl, byte[] vrrpMessage, byte[] ipv4Datagram) {
}
