package org.halo.vrrp.engine;

import java.util.List;

/**
 * The engine's effects on the network, implemented by the host (Linux layer) and recorded by tests.
 * Called on the engine loop: implementations must not block (queue the work, return at once) and should
 * not throw; exceptions are caught and logged by the engine.
 */
public interface VrrpNetwork {

    /** Sends one advertisement. */
    void sendAdvert(OutboundAdvert advert);

    /**
     * Adds the instance's virtual addresses (MASTER entry).
     *
     * @param accept keepalived's accept mode: false means traffic to the VIPs (other than VRRP) must be
     *        dropped (nftables), as with {@code no_accept}/{@code vrrp_strict}
     */
    void addAddresses(String instance, String interfaceName, List<VirtualAddress> addresses, boolean accept);

    /** Removes the instance's virtual addresses (leaving MASTER, shutdown). */
    void removeAddresses(String instance, String interfaceName, List<VirtualAddress> addresses);

    /** Adds virtual_routes / virtual_rules, passed verbatim as configured. */
    default void addRoutes(String instance, List<String> routes, List<String> rules) {
    }

    /** Removes virtual_routes / virtual_rules. */
    default void removeRoutes(String instance, List<String> routes, List<String> rules) {
    }

    /**
     * Sends {@code rounds} rounds of gratuitous ARP (IPv4) / unsolicited NA (IPv6) for every address (the
     * host spaces them by garp_interval / gna_interval).
     */
    void announce(String instance, String interfaceName, List<VirtualAddress> addresses, int rounds);
}
