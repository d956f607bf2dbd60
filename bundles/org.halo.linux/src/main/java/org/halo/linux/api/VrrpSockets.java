package org.halo.linux.api;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/** Opens raw VRRP sockets. */
@ProviderType
public interface VrrpSockets {

    /**
     * Opens a socket: IP protocol 112, SO_BINDTODEVICE, TTL / hop limit 255 (unicast and multicast),
     * multicast loop off, IP_MULTICAST_IF / IPV6_MULTICAST_IF on the device, the VRRP group joined on
     * the device (multicast mode), IPv4 TOS / IPv6 traffic class 0xc0 (network control, as keepalived),
     * IPV6_RECVHOPLIMIT and IPV6_RECVPKTINFO. A receive thread named {@code vrrp-rx-<device>} delivers
     * every packet to {@code receiver}; exceptions thrown by the receiver are caught and logged.
     */
    VrrpSocket open(VrrpSocketOptions options, Consumer<ReceivedPacket> receiver) throws LinuxException;

    /**
     * As {@link #open(VrrpSocketOptions, Consumer)}, without a receive thread: the socket's packets are read and
     * handed to {@code receiver} by the thread polling {@code poller}. Closing the socket deregisters it; once
     * {@link VrrpSocket#close()} returns, the receiver is not called again.
     */
    VrrpSocket open(VrrpSocketOptions options, Consumer<ReceivedPacket> receiver, SocketPoller poller) throws LinuxException;

    /** A new poller for {@link #open(VrrpSocketOptions, Consumer, SocketPoller)}. */
    SocketPoller newPoller() throws LinuxException;
}
