package org.halo.linux.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.function.Consumer;

import org.halo.linux.api.Address;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.ReceivedPacket;
import org.halo.linux.api.SocketPoller;
import org.halo.linux.api.VrrpSocket;
import org.halo.linux.api.VrrpSocketOptions;
import org.halo.linux.api.VrrpSockets;

/** Opens {@link RawVrrpSocket}s in the network namespace this object was created in. */
public final class VrrpSocketsImpl implements VrrpSockets {
    private final NetlinkImpl netlink;
    private final NetnsGuard guard = new NetnsGuard();

    public VrrpSocketsImpl(NetlinkImpl netlink) {
        this.netlink = netlink;
    }

    @Override
    public VrrpSocket open(VrrpSocketOptions options, Consumer<ReceivedPacket> receiver) throws LinuxException {
        PollingThread reader = new PollingThread("vrrp-rx-" + options.device());
        try {
            VrrpSocket s = open(options, receiver, reader.poller, reader::close);
            reader.start();
            return s;
        } catch (LinuxException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public VrrpSocket open(VrrpSocketOptions options, Consumer<ReceivedPacket> receiver, SocketPoller poller) throws LinuxException {
        if (!(poller instanceof PpollPoller p)) {
            throw new IllegalArgumentException("not a poller of this Linux layer: " + poller);
        }
        return open(options, receiver, p, () -> { });
    }

    @Override
    public SocketPoller newPoller() throws LinuxException {
        return new PpollPoller();
    }

    private VrrpSocket open(VrrpSocketOptions options, Consumer<ReceivedPacket> receiver, PpollPoller poller,
            Runnable afterClose) throws LinuxException {
        guard.check("open VRRP socket on " + options.device());
        int ifindex = netlink.ifindex(options.device());
        InetAddress source = options.sourceAddress() != null ? options.sourceAddress()
                : primaryAddress(options.device(), options.ipv6());
        return RawVrrpSocket.open(options, ifindex, source, receiver, poller, afterClose);
    }

    /** keepalived's default source: the interface's first IPv4 address, or its IPv6 link-local one. */
    private InetAddress primaryAddress(String device, boolean ipv6) throws LinuxException {
        for (Address a : netlink.addresses(device)) {
            if (!ipv6 && a.address() instanceof Inet4Address) {
                return a.address();
            }
            if (ipv6 && a.address() instanceof Inet6Address && a.address().isLinkLocalAddress()) {
                return a.address();
            }
        }
        return null;
    }
}
