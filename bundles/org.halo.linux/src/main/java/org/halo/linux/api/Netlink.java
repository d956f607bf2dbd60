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
     * Creates a macvlan link (mode private, as keepalived's use_vmac does) on {@code parent} with the
     * given MAC, sets the sysctls keepalived sets on a VMAC interface (see {@link Vmac}) and brings it
     * up. Returns the new link.
     */
    Link createMacvlan(String name, String parent, MacAddress mac) throws LinuxException;

    /** Deletes a link (RTM_DELLINK); returns false if it did not exist. */
    boolean deleteLink(String name) throws LinuxException;
}
