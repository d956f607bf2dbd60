package org.halo.linux.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * How to open a raw VRRP (IP protocol 112) socket.
 *
 * @param ipv6 address family
 * @param device interface to bind to (SO_BINDTODEVICE), join the group on and send from
 * @param sourceAddress keepalived's unicast_src_ip (or mcast_src_ip): bound as the source address;
 *        null means the interface's primary address (first IPv4 / the link-local IPv6)
 * @param unicastPeers keepalived's unicast_peer list; empty means multicast to 224.0.0.18 / ff02::12
 * @param multicastGroup keepalived's mcast_dst_ip: the group joined and sent to instead of 224.0.0.18 /
 *        ff02::12; null for those
 * @param unicastTtl keepalived's unicast_ttl: TTL / hop limit of unicast adverts (multicast ones always
 *        leave with 255)
 */
public record VrrpSocketOptions(boolean ipv6, String device, InetAddress sourceAddress,
        List<InetAddress> unicastPeers, InetAddress multicastGroup, int unicastTtl) {
    public VrrpSocketOptions {
        Objects.requireNonNull(device, "device");
        unicastPeers = List.copyOf(unicastPeers == null ? List.of() : unicastPeers);
        if (sourceAddress != null && (sourceAddress instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException("source address family does not match: " + sourceAddress);
        }
        if (multicastGroup != null && (!multicastGroup.isMulticastAddress() || (multicastGroup instanceof Inet6Address) != ipv6)) {
            throw new IllegalArgumentException("not a multicast group of the socket's family: " + multicastGroup);
        }
        if (unicastTtl < 0 || unicastTtl > 255) {
            throw new IllegalArgumentException("unicast TTL must be 0..255: " + unicastTtl);
        }
        for (InetAddress peer : unicastPeers) {
            if ((peer instanceof Inet6Address) != ipv6) {
                throw new IllegalArgumentException("peer address family does not match: " + peer);
            }
        }
    }

    /** The 1.0 form: the standard group, unicast TTL 255. */
    public VrrpSocketOptions(boolean ipv6, String device, InetAddress sourceAddress, List<InetAddress> unicastPeers) {
        this(ipv6, device, sourceAddress, unicastPeers, null, 255);
    }

    public static VrrpSocketOptions multicast(boolean ipv6, String device) {
        return new VrrpSocketOptions(ipv6, device, null, List.of());
    }

    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }
}
