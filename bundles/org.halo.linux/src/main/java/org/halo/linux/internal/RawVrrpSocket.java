package org.halo.linux.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.halo.linux.api.LinuxException;
import org.halo.linux.api.ReceivedPacket;
import org.halo.linux.api.VrrpSocket;
import org.halo.linux.api.VrrpSocketOptions;

/**
 * One raw IP protocol 112 socket, used for both directions as keepalived's pair of sockets would be:
 * the source address is chosen per packet with IP_PKTINFO / IPV6_PKTINFO rather than bind(), because
 * a bound raw socket only receives packets addressed to the bound address, which would drop the
 * multicast adverts.
 */
final class RawVrrpSocket implements VrrpSocket {
    private static final Logger LOG = Logger.getLogger(RawVrrpSocket.class.getName());
    static final InetAddress GROUP4 = SockAddr.address(new byte[] {(byte) 224, 0, 0, 18});
    static final InetAddress GROUP6 = SockAddr.address(
            new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});

    private final int fd;
    private final VrrpSocketOptions options;
    private final int ifindex;
    private final InetAddress source;
    private final MsgHdr tx = new MsgHdr(2048, 64);
    private final byte[] pktinfo;
    private final MsgHdr rx = new MsgHdr(4096, 256);
    private final Consumer<ReceivedPacket> consumer;
    private final PpollPoller poller;
    private final PpollPoller.Registration registration;
    /** Runs once the descriptor is closed: stops the socket's own polling thread, if it has one. */
    private final Runnable afterClose;
    private volatile boolean open = true;

    private RawVrrpSocket(int fd, VrrpSocketOptions options, int ifindex, InetAddress source,
            Consumer<ReceivedPacket> consumer, PpollPoller poller, Runnable afterClose) throws LinuxException {
        this.fd = fd;
        this.options = options;
        this.ifindex = ifindex;
        this.source = source;
        this.consumer = consumer;
        this.pktinfo = options.sourceAddress() == null ? null : pktinfo(options, ifindex);
        this.poller = poller;
        this.afterClose = afterClose;
        this.registration = poller.register(fd, this::readAvailable);
    }

    /** @param poller whose polling thread reads the socket; {@code afterClose} runs after close() */
    static RawVrrpSocket open(VrrpSocketOptions o, int ifindex, InetAddress source,
            Consumer<ReceivedPacket> consumer, PpollPoller poller, Runnable afterClose) throws LinuxException {
        int family = o.ipv6() ? LibC.AF_INET6 : LibC.AF_INET;
        int fd;
        try {
            fd = LibC.INSTANCE.socket(family, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.IPPROTO_VRRP);
        } catch (LastErrorException e) {
            throw Native2.error("socket(raw, 112)", e);
        }
        try {
            configure(fd, o, ifindex);
        } catch (LinuxException e) {
            Native2.closeQuietly(fd);
            throw e;
        }
        RawVrrpSocket s;
        try {
            s = new RawVrrpSocket(fd, o, ifindex, source, consumer, poller, afterClose);
        } catch (LinuxException e) {
            Native2.closeQuietly(fd);
            throw e;
        }
        return s;
    }

    private static void configure(int fd, VrrpSocketOptions o, int ifindex) throws LinuxException {
        byte[] dev = Arrays.copyOf(o.device().getBytes(StandardCharsets.US_ASCII), o.device().length() + 1);
        Native2.setBytes(fd, LibC.SOL_SOCKET, LibC.SO_BINDTODEVICE, dev, "SO_BINDTODEVICE " + o.device());
        if (!o.ipv6()) {
            int ip = LibC.IPPROTO_IP;
            Native2.setInt(fd, ip, LibC.IP_TOS, 0xc0, "IP_TOS"); // IPTOS_PREC_INTERNETCONTROL, as keepalived
            // RFC 3768 5.2.3 / RFC 5798 5.1.1.3: 255; keepalived's unicast_ttl for unicast adverts
            Native2.setInt(fd, ip, LibC.IP_TTL, o.unicast() ? o.unicastTtl() : 255, "IP_TTL");
            Native2.setInt(fd, ip, LibC.IP_MULTICAST_TTL, 255, "IP_MULTICAST_TTL");
            Native2.setInt(fd, ip, LibC.IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
            Native2.setInt(fd, ip, LibC.IP_PKTINFO, 1, "IP_PKTINFO");
            // keepalived's adverts carry no DF flag (it builds the header itself); match that
            Native2.setInt(fd, ip, LibC.IP_MTU_DISCOVER, LibC.IP_PMTUDISC_DONT, "IP_MTU_DISCOVER");
            Native2.setBytes(fd, ip, LibC.IP_MULTICAST_IF, mreqn(new byte[4], ifindex), "IP_MULTICAST_IF");
            if (!o.unicast()) {
                Native2.setBytes(fd, ip, LibC.IP_ADD_MEMBERSHIP, mreqn(group(o).getAddress(), ifindex),
                        "IP_ADD_MEMBERSHIP " + group(o).getHostAddress());
            }
        } else {
            int ip6 = LibC.IPPROTO_IPV6;
            // The kernel computes (and on receive verifies) the checksum at offset 6, pseudo-header included
            Native2.setInt(fd, ip6, LibC.IPV6_CHECKSUM, 6, "IPV6_CHECKSUM");
            Native2.setInt(fd, ip6, LibC.IPV6_TCLASS, 0xc0, "IPV6_TCLASS");
            Native2.setInt(fd, ip6, LibC.IPV6_UNICAST_HOPS, o.unicast() ? o.unicastTtl() : 255, "IPV6_UNICAST_HOPS");
            Native2.setInt(fd, ip6, LibC.IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS");
            Native2.setInt(fd, ip6, LibC.IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            Native2.setInt(fd, ip6, LibC.IPV6_MULTICAST_IF, ifindex, "IPV6_MULTICAST_IF");
            Native2.setInt(fd, ip6, LibC.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            Native2.setInt(fd, ip6, LibC.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
            if (!o.unicast()) {
                byte[] mreq = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder()).put(group(o).getAddress())
                        .putInt(ifindex).array();
                Native2.setBytes(fd, ip6, LibC.IPV6_ADD_MEMBERSHIP, mreq, "IPV6_ADD_MEMBERSHIP " + group(o).getHostAddress());
            }
        }
    }

    /** The group joined and sent to: keepalived's mcast_dst_ip, else 224.0.0.18 / ff02::12. */
    private static InetAddress group(VrrpSocketOptions o) {
        return o.multicastGroup() != null ? o.multicastGroup() : o.ipv6() ? GROUP6 : GROUP4;
    }

    /** struct ip_mreqn { in_addr multiaddr; in_addr address; int ifindex; } */
    private static byte[] mreqn(byte[] group, int ifindex) {
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).put(group).put(new byte[4]).putInt(ifindex)
                .array();
    }

    /** in_pktinfo {ifindex, spec_dst = source, addr} or in6_pktinfo {addr = source, ifindex}. */
    private static byte[] pktinfo(VrrpSocketOptions o, int ifindex) {
        if (!o.ipv6()) {
            return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putInt(ifindex)
                    .put(o.sourceAddress().getAddress()).put(new byte[4]).array();
        }
        return ByteBuffer.allocate(20).order(ByteOrder.nativeOrder()).put(o.sourceAddress().getAddress())
                .putInt(ifindex).array();
    }

    @Override
    public int ifindex() {
        return ifindex;
    }

    @Override
    public InetAddress sourceAddress() {
        return source;
    }

    @Override
    public int send(byte[] payload) {
        List<InetAddress> targets = options.unicast() ? options.unicastPeers() : List.of(group(options));
        int sent = 0;
        for (InetAddress t : targets) {
            if (sendTo(payload, t)) {
                sent++;
            }
        }
        return sent;
    }

    @Override
    public synchronized boolean sendTo(byte[] payload, InetAddress destination) {
        if (!open || payload.length > tx.data.size()) {
            return false;
        }
        Memory sa = SockAddr.of(destination, scopeFor(destination));
        int nameLen = SockAddr.length(destination);
        tx.name.write(0, sa.getByteArray(0, nameLen), 0, nameLen);
        tx.data.write(0, payload, 0, payload.length);
        int controlLen = 0;
        if (pktinfo != null) {
            controlLen = tx.putControl(options.ipv6() ? LibC.IPPROTO_IPV6 : LibC.IPPROTO_IP,
                    options.ipv6() ? LibC.IPV6_PKTINFO : LibC.IP_PKTINFO, pktinfo);
        }
        tx.forSend(payload.length, nameLen, controlLen);
        try {
            return LibC.INSTANCE.sendmsg(fd, tx.hdr, LibC.MSG_DONTWAIT) == payload.length;
        } catch (LastErrorException e) {
            // EAGAIN / ENOBUFS: the advert is dropped, as a lost packet would be; the next one follows
            LOG.log(Level.FINE, "VRRP send on " + options.device() + " to " + destination + ": " + e.getMessage());
            return false;
        }
    }

    private int scopeFor(InetAddress destination) {
        if (destination instanceof Inet6Address a && (a.isLinkLocalAddress() || a.isMulticastAddress())) {
            return ifindex;
        }
        return 0;
    }

    /** Reads until the socket would block (at most a burst's worth, so timers are not starved). */
    private void readAvailable() {
        for (int burst = 0; burst < 64 && open; burst++) {
            long n;
            try {
                rx.forReceive();
                n = LibC.INSTANCE.recvmsg(fd, rx.hdr, LibC.MSG_DONTWAIT);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EAGAIN && e.getErrorCode() != LibC.EINTR && open) {
                    LOG.log(Level.WARNING, "VRRP receive on " + options.device() + ": " + e.getMessage());
                }
                return;
            }
            ReceivedPacket p = options.ipv6() ? PacketDecoder.ipv6(rx, (int) n) : PacketDecoder.ipv4(rx, (int) n);
            if (p != null) {
                deliver(p);
            }
        }
    }

    private void deliver(ReceivedPacket p) {
        try {
            consumer.accept(p);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "VRRP packet consumer on " + options.device() + " failed", e);
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        poller.deregister(registration);
        synchronized (this) {
            Native2.closeQuietly(fd); // closing drops the multicast membership
        }
        afterClose.run();
    }
}
