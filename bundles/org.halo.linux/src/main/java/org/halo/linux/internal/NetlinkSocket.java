package org.halo.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.halo.linux.api.LinuxException;

/**
 * A NETLINK_ROUTE socket. Bound in the network namespace of the thread that creates it, so every
 * later request, from whatever thread, acts on that namespace. Requests are serialised.
 */
final class NetlinkSocket implements AutoCloseable {
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    private static final int BUF = 1 << 16;

    private final int fd;
    private final Memory rx = new Memory(BUF);
    private final Memory kernel = new Memory(12);
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private volatile boolean closed;

    /** @param groups RTMGRP_* multicast groups to join (0 for a request socket) */
    NetlinkSocket(int groups, int receiveTimeoutMillis) throws LinuxException {
        this(groups, receiveTimeoutMillis, 1 << 20);
    }

    NetlinkSocket(int groups, int receiveTimeoutMillis, int receiveBuffer) throws LinuxException {
        try {
            fd = LibC.INSTANCE.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.NETLINK_ROUTE);
        } catch (LastErrorException e) {
            throw Native2.error("socket(AF_NETLINK)", e);
        }
        try {
            Memory sa = new Memory(12);
            sa.clear();
            sa.setShort(0, (short) LibC.AF_NETLINK);
            sa.setInt(8, groups);
            LibC.INSTANCE.bind(fd, sa, 12);
            Native2.setInt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, receiveBuffer, "SO_RCVBUF");
            if (receiveTimeoutMillis > 0) {
                Memory tv = new Memory(16);
                tv.setLong(0, receiveTimeoutMillis / 1000);
                tv.setLong(8, (receiveTimeoutMillis % 1000) * 1000L);
                LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, tv, 16);
            }
        } catch (LastErrorException e) {
            Native2.closeQuietly(fd);
            throw Native2.error("bind(AF_NETLINK)", e);
        } catch (LinuxException e) {
            Native2.closeQuietly(fd);
            throw e;
        }
        kernel.clear();
        kernel.setShort(0, (short) LibC.AF_NETLINK);
    }

    int fd() {
        return fd;
    }

    /**
     * SIOCGIFINDEX on this socket: one system call instead of an RTM_GETLINK exchange, and answered in the
     * socket's own network namespace (the kernel's socket ioctl falls back to dev_ioctl with sock_net).
     *
     * @return the index, or 0 when there is no such interface
     */
    synchronized int interfaceIndex(String name) throws LinuxException {
        Memory ifr = ifreq(name);
        try {
            LibC.INSTANCE.ioctl(fd, LibC.SIOCGIFINDEX, ifr);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.ENODEV) {
                return 0;
            }
            throw Native2.error("SIOCGIFINDEX " + name, e);
        }
        return ifr.getInt(LibC.IFNAMSIZ);
    }

    /**
     * SIOCGIFHWADDR on this socket: the interface's Ethernet address, or null when it has none (not
     * ARPHRD_ETHER) or does not exist.
     */
    synchronized byte[] ethernetAddress(String name) throws LinuxException {
        Memory ifr = ifreq(name);
        try {
            LibC.INSTANCE.ioctl(fd, LibC.SIOCGIFHWADDR, ifr);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.ENODEV) {
                return null;
            }
            throw Native2.error("SIOCGIFHWADDR " + name, e);
        }
        // ifr_hwaddr is a struct sockaddr: sa_family (the ARPHRD type), then the address bytes
        if ((ifr.getShort(LibC.IFNAMSIZ) & 0xffff) != LibC.ARPHRD_ETHER) {
            return null;
        }
        return ifr.getByteArray(LibC.IFNAMSIZ + 2, 6);
    }

    private static Memory ifreq(String name) throws LinuxException {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (n.length >= LibC.IFNAMSIZ) {
            throw new LinuxException("interface name too long: " + name, 22);
        }
        Memory ifr = new Memory(LibC.IFREQ_SIZE);
        ifr.clear();
        ifr.write(0, n, 0, n.length);
        return ifr;
    }

    /**
     * Sends a request and collects the replies up to NLMSG_DONE (dumps) or the acknowledgement. A
     * negative error in the acknowledgement becomes a {@link LinuxException}.
     */
    synchronized List<NlMessage> transact(NlRequest request, String what) throws LinuxException {
        int mySeq = ++seq;
        byte[] msg = request.build(mySeq);
        Memory out = new Memory(msg.length);
        out.write(0, msg, 0, msg.length);
        try {
            LibC.INSTANCE.sendto(fd, out, msg.length, 0, kernel, 12);
        } catch (LastErrorException e) {
            throw Native2.error("netlink send " + what, e);
        }
        boolean dump = (request.flags & NlRequest.NLM_F_DUMP) == NlRequest.NLM_F_DUMP;
        List<NlMessage> replies = new ArrayList<>();
        while (true) {
            for (NlMessage m : receive()) {
                if (m.seq() != mySeq) {
                    continue; // a late answer to an earlier, abandoned request
                }
                if (m.type() == NLMSG_ERROR) {
                    int err = m.body().getInt(0);
                    if (err < 0) {
                        throw new LinuxException(what, -err);
                    }
                    if (!dump) {
                        return replies;
                    }
                } else if (m.type() == NLMSG_DONE) {
                    return replies;
                } else {
                    replies.add(m);
                }
            }
        }
    }

    /** Blocks for one datagram and splits it into messages. */
    List<NlMessage> receive() throws LinuxException {
        long n;
        try {
            n = LibC.INSTANCE.recv(fd, rx, BUF, 0);
        } catch (LastErrorException e) {
            if (closed) {
                return List.of();
            }
            throw Native2.error("netlink recv", e);
        }
        ByteBuffer data = ByteBuffer.wrap(rx.getByteArray(0, (int) n)).order(ByteOrder.nativeOrder());
        List<NlMessage> out = new ArrayList<>();
        int pos = 0;
        while (pos + 16 <= n) {
            int len = data.getInt(pos);
            if (len < 16 || pos + len > n) {
                break;
            }
            ByteBuffer body = data.duplicate().position(pos + 16).limit(pos + len).slice()
                    .order(ByteOrder.nativeOrder());
            out.add(new NlMessage(data.getShort(pos + 4) & 0xffff, data.getShort(pos + 6) & 0xffff,
                    data.getInt(pos + 8), body));
            pos += (len + 3) & ~3;
        }
        return out;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Native2.closeQuietly(fd);
        }
    }
}
