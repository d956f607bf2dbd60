package org.halo.linux.api;

import java.net.InetAddress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An open raw VRRP socket on one interface. Received packets go to the consumer given at open time, on
 * the socket's own receive thread or on the thread polling the {@link SocketPoller} it was opened with. Sending happens on the caller's thread and never blocks.
 */
@ProviderType
public interface VrrpSocket extends AutoCloseable {

    /** The interface index the socket is bound to. */
    int ifindex();

    /**
     * The source address the kernel will put on outgoing packets (needed for the VRRPv3 checksum's
     * pseudo-header): the configured one, or the interface's primary address at open time.
     */
    InetAddress sourceAddress();

    /**
     * Sends one advertisement: to 224.0.0.18 / ff02::12, or to every unicast peer. For IPv6 the kernel
     * fills the checksum at offset 6 (IPV6_CHECKSUM), for IPv4 the caller must have computed it.
     *
     * @return the number of destinations the packet was handed to; fewer than expected means the
     *         socket buffer was full (EAGAIN) or the destination unreachable, and the advert was dropped
     */
    int send(byte[] vrrpPayload);

    /** Sends to one destination; returns false when the packet could not be queued. */
    boolean sendTo(byte[] vrrpPayload, InetAddress destination);

    /** Stops delivering (a receive thread of its own stops at once: its poller's doorbell wakes it), leaves the group, closes the socket. */
    @Override
    void close();
}
