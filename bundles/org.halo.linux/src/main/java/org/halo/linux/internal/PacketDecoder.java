package org.halo.linux.internal;

import java.net.InetAddress;

import org.halo.linux.api.ReceivedPacket;

/** Turns a recvmsg() result on a raw VRRP socket into a {@link ReceivedPacket}. */
final class PacketDecoder {
    private PacketDecoder() {
    }

    /** IPv4 raw sockets return the IP header: TTL, source and destination come from it. */
    static ReceivedPacket ipv4(MsgHdr rx, int n) {
        if (n < 20) {
            return null;
        }
        byte[] b = rx.data.getByteArray(0, n);
        int ihl = (b[0] & 0x0f) * 4;
        int total = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        int end = Math.min(n, total > 0 ? total : n);
        if (ihl < 20 || ihl > end) {
            return null;
        }
        int ttl = b[8] & 0xff;
        InetAddress src = SockAddr.address(java.util.Arrays.copyOfRange(b, 12, 16));
        InetAddress dst = SockAddr.address(java.util.Arrays.copyOfRange(b, 16, 20));
        int ifindex = 0;
        for (int off = 0; off + MsgHdr.CMSG_HDR <= rx.controlLength(); ) {
            long len = rx.control.getLong(off);
            if (len < MsgHdr.CMSG_HDR) {
                break;
            }
            if (rx.control.getInt(off + 8) == LibC.IPPROTO_IP && rx.control.getInt(off + 12) == LibC.IP_PKTINFO) {
                ifindex = rx.control.getInt(off + MsgHdr.CMSG_HDR);
            }
            off += (int) ((len + 7) & ~7);
        }
        return new ReceivedPacket(java.util.Arrays.copyOfRange(b, ihl, end), src, dst, ttl, ifindex);
    }

    /** IPv6 raw sockets return only the payload: hop limit and destination come as ancillary data. */
    static ReceivedPacket ipv6(MsgHdr rx, int n) {
        InetAddress src = SockAddr.decode(rx.name);
        int hops = -1;
        int ifindex = 0;
        InetAddress dst = null;
        for (int off = 0; off + MsgHdr.CMSG_HDR <= rx.controlLength(); ) {
            long len = rx.control.getLong(off);
            if (len < MsgHdr.CMSG_HDR) {
                break;
            }
            int level = rx.control.getInt(off + 8);
            int type = rx.control.getInt(off + 12);
            if (level == LibC.IPPROTO_IPV6 && type == LibC.IPV6_HOPLIMIT) {
                hops = rx.control.getInt(off + MsgHdr.CMSG_HDR);
            } else if (level == LibC.IPPROTO_IPV6 && type == LibC.IPV6_PKTINFO) {
                dst = SockAddr.address(rx.control.getByteArray(off + MsgHdr.CMSG_HDR, 16));
                ifindex = rx.control.getInt(off + MsgHdr.CMSG_HDR + 16);
            }
            off += (int) ((len + 7) & ~7);
        }
        return new ReceivedPacket(rx.data.getByteArray(0, n), src, dst, hops, ifindex);
    }
}
