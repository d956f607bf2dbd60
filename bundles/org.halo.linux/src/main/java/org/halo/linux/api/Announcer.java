package org.halo.linux.api;

import java.net.Inet4Address;
import java.net.Inet6Address;

import org.osgi.annotation.versioning.ProviderType;

/** Sends the L2 announcements a new VRRP master makes, byte for byte as keepalived sends them. */
@ProviderType
public interface Announcer {

    /**
     * Opens the device's sending handle ahead of time (normally lazily on the first frame, which then
     * costs tens of milliseconds), so that the first GARP after a transition to MASTER is not delayed.
     */
    void prepare(String device) throws LinuxException;

    /**
     * Gratuitous ARP: broadcast Ethernet frame, ARP request, sender = target = {@code vip}, sender MAC
     * = {@code sourceMac} (the interface MAC, or the VMAC with use_vmac).
     */
    void gratuitousArp(String device, MacAddress sourceMac, Inet4Address vip) throws LinuxException;

    /**
     * Unsolicited neighbour advertisement (RFC 4861 section 7.2.6) as keepalived 2.2.7 sends it: from
     * the VIP itself to ff02::1 (Ethernet 33:33:00:00:00:01), hop limit 255, target = {@code vip},
     * override flag set, router flag when {@code router} (keepalived: when IPv6 forwarding is on for
     * the interface), and a target link-layer address option carrying {@code sourceMac}.
     */
    void unsolicitedNa(String device, MacAddress sourceMac, Inet6Address vip, boolean router)
            throws LinuxException;
}
