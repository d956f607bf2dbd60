package org.halo.linux.api;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * A route, the basics of a keepalived virtual_routes line:
 * {@code <dst>/<prefix> [via <gw>] [dev <dev>] [src <src>] [table <n>] [metric <n>] [scope <s>]
 * [blackhole|unreachable|prohibit]}.
 *
 * @param destination destination network; null or a zero-length prefix means default
 * @param prefixLength destination prefix length
 * @param gateway next hop, null for a direct route
 * @param device output interface name, null when the gateway determines it
 * @param preferredSource RTA_PREFSRC, null for none
 * @param table routing table (254 = main)
 * @param metric RTA_PRIORITY, 0 for none
 * @param scope route scope; null lets the implementation choose (link for direct, global via gateway)
 * @param type RTN_* type (1 unicast, 6 blackhole, 7 unreachable, 8 prohibit)
 * @param ipv6 address family when destination and gateway are null
 */
public record Route(InetAddress destination, int prefixLength, InetAddress gateway, String device,
        InetAddress preferredSource, int table, int metric, AddressScope scope, int type, boolean ipv6) {
    public static final int TABLE_MAIN = 254;
    public static final int RTN_UNICAST = 1;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;

    /** A unicast route in the main table. */
    public static Route to(InetAddress destination, int prefixLength, InetAddress gateway, String device) {
        return new Route(destination, prefixLength, gateway, device, null, TABLE_MAIN, 0, null, RTN_UNICAST,
                destination instanceof Inet6Address);
    }
}
