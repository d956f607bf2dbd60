package org.halo.vrrp.runtime.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

import org.halo.linux.api.Address;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.Netlink;

/**
 * The address an instance sends from when no unicast_src_ip / mcast_src_ip is configured, as keepalived
 * picks it: the interface's primary IPv4 address, or its IPv6 link-local address (RFC 5798 section 5.1.2.1).
 */
public final class SourceAddresses {
    private SourceAddresses() {
    }

    public static Optional<InetAddress> primary(Netlink netlink, String device, boolean ipv6) throws LinuxException {
        for (Address a : netlink.addresses(device)) {
            InetAddress ip = a.address();
            if (!ipv6 && ip instanceof Inet4Address) {
                return Optional.of(ip);
            }
            if (ipv6 && ip instanceof Inet6Address && ip.isLinkLocalAddress()) {
                return Optional.of(ip);
            }
        }
        return Optional.empty();
    }
}
