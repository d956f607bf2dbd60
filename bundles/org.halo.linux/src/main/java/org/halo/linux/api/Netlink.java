package org.halo.linux.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * rtnetlink (NETLINK_ROUTE) operations. Every method is a synchronous request/acknowledge exchange on
 * the caller's thread; implementations are thread-safe. Errors from the kernel surface as
 * {@link LinuxException} carrying the errno.
 */
@ProviderType
public interface Netlink {

    Optional<Link> link(String name) throws LinuxException;

    Optional<Link> link(int index) throws LinuxException;

    List<Link> links() throws LinuxException;

    /**
     * The interface's Ethernet address, read without a netlink exchange (SIOCGIFHWADDR), so a new master's
     * GARP does not wait for a link dump. Empty when the interface does not exist or is not Ethernet.
     *
     * @since 1.2
     */
    Optional<MacAddress> ethernetAddress(String name) throws LinuxException;

    /** Sets IFF_UP on or off (like {@code ip link set dev X up|down}). */
    void setLinkUp(String name, boolean up) throws LinuxException;

    /** Adds an address (RTM_NEWADDR, NLM_F_CREATE|NLM_F_EXCL); EEXIST is reported as an exception. */
    void addAddress(Address address) throws LinuxException;

    /** Removes an address (RTM_DELADDR); returns false if it was not present (EADDRNOTAVAIL). */
    boolean removeAddress(Address address) throws LinuxException;

    /** Lists addresses of one interface, or of all when {@code device} is null. */
    List<Address> addresses(String device) throws LinuxException;

    /**
     * Removes those of {@code vips} that are present, as keepalived does at start-up for addresses left
     * by a predecessor that was killed before it could remove them. Returns the removed ones.
     */
    List<Address> removeLeftovers(Collection<Address> vips) throws LinuxException;

    void addRoute(Route route) throws LinuxException;

    /** Returns false if no such route (ESRCH). */
    boolean removeRoute(Route route) throws LinuxException;

    void addRule(Rule rule) throws LinuxException;

    /** Returns false if no such rule (ENOENT). */
    boolean removeRule(Rule rule) throws LinuxException;

    /**
     * Subscribes to RTMGRP_LINK. The consumer is called on a dedicated monitor thread, once per
     * RTM_NEWLINK / RTM_DELLINK message; it should only post work to its owner's loop. Closing the
     * returned handle stops the thread.
     */
    AutoCloseable monitorLinks(Consumer<LinkEvent> consumer) throws LinuxException;

    /**
     * Creates a macvlan link in private mode on {@code parent} with the given MAC and brings it up.
     * Nothing else: see {@link #createVmac} for keepalived's use_vmac behaviour.
     */
    Link createMacvlan(String name, String parent, MacAddress mac) throws LinuxException;

    /**
     * Creates (or reuses) a VRRP VMAC interface the way keepalived's use_vmac does (vrrp_vmac.c and
     * vrrp_if_config.c): a private-mode macvlan named {@code name} on {@code parent} with MAC
     * {@link MacAddress#vrrp(int, boolean)}. An existing link of that name with the right MAC and
     * parent is reused; an existing macvlan with another MAC or parent is deleted and re-created; a
     * non-macvlan link of that name is an error (EEXIST), never deleted.
     * <ul>
     * <li>IPv4: on the VMAC arp_ignore=1, accept_local=1, rp_filter=0, promote_secondaries=1 and
     * disable_ipv6=1; on the parent arp_ignore=1, arp_filter=1; all.rp_filter cleared (default.rp_filter
     * raised to its old value first).</li>
     * <li>Both: IPv6 address generation off on the VMAC (IFLA_INET6_ADDR_GEN_MODE = NONE, RFC 5798
     * section 7.4: no link-local derived from the shared virtual MAC).</li>
     * <li>IPv6: a link-local /64 added:
     * {@code ipv6Source} if given, else the parent's link-local, else the EUI-64 address of the
     * parent's MAC.</li>
     * </ul>
     * The link is then set up and returned.
     */
    Link createVmac(String name, String parent, int vrid, boolean ipv6, java.net.Inet6Address ipv6Source)
            throws LinuxException;

    /** Deletes a link (RTM_DELLINK); returns false if it did not exist. */
    boolean deleteLink(String name) throws LinuxException;
}
