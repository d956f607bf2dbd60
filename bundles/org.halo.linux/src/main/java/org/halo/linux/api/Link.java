package org.halo.linux.api;

/**
 * A network interface as rtnetlink reports it.
 *
 * @param index ifindex
 * @param name interface name
 * @param mac hardware address, null for links without one (e.g. some tunnels)
 * @param mtu MTU
 * @param flags IFF_* flags (IFF_UP 0x1, IFF_RUNNING 0x40, IFF_LOWER_UP 0x10000 ...)
 * @param operState IF_OPER_* value (6 = UP, 2 = DOWN, 0 = UNKNOWN, 3 = LOWERLAYERDOWN ...)
 * @param kind IFLA_INFO_KIND ("veth", "macvlan" ...), null when the kernel gives none
 * @param parentIndex IFLA_LINK (the lower device of a macvlan / veth peer), 0 when none
 */
public record Link(int index, String name, MacAddress mac, int mtu, int flags, int operState, String kind,
        int parentIndex) {
    public static final int IFF_UP = 0x1;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_LOWER_UP = 0x10000;
    public static final int IF_OPER_UNKNOWN = 0;
    public static final int IF_OPER_UP = 6;

    /** Administratively up (IFF_UP). */
    public boolean adminUp() {
        return (flags & IFF_UP) != 0;
    }

    /**
     * Usable for VRRP, as keepalived judges it: administratively up and the carrier running. An
     * operstate of UNKNOWN (loopback, dummy) counts as up when IFF_RUNNING is set.
     */
    public boolean up() {
        return adminUp() && (flags & IFF_RUNNING) != 0
                && (operState == IF_OPER_UP || operState == IF_OPER_UNKNOWN);
    }
}
