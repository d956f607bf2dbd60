package org.halo.linux.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libc calls the Linux layer needs. Constants checked against the kernel uapi headers
 * (linux/in.h, linux/in6.h, asm-generic/socket.h, linux/netlink.h) on x86_64 / aarch64, LP64 only.
 */
public interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int AF_INET = 2;
    int AF_INET6 = 10;
    int AF_NETLINK = 16;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int NETLINK_ROUTE = 0;
    int IPPROTO_IP = 0;
    int IPPROTO_IPV6 = 41;
    int IPPROTO_VRRP = 112;
    int SOL_SOCKET = 1;
    int SO_SNDBUF = 7;
    int SO_RCVBUF = 8;
    int SO_RCVTIMEO = 20;
    int SO_BINDTODEVICE = 25;
    int IP_TOS = 1;
    int IP_TTL = 2;
    int IP_PKTINFO = 8;
    int IP_MTU_DISCOVER = 10;
    int IP_PMTUDISC_DONT = 0;
    int IP_MULTICAST_IF = 32;
    int IP_MULTICAST_TTL = 33;
    int IP_MULTICAST_LOOP = 34;
    int IP_ADD_MEMBERSHIP = 35;
    int IP_DROP_MEMBERSHIP = 36;
    int IPV6_CHECKSUM = 7;
    int IPV6_UNICAST_HOPS = 16;
    int IPV6_MULTICAST_IF = 17;
    int IPV6_MULTICAST_HOPS = 18;
    int IPV6_MULTICAST_LOOP = 19;
    int IPV6_ADD_MEMBERSHIP = 20;
    int IPV6_DROP_MEMBERSHIP = 21;
    int IPV6_RECVPKTINFO = 49;
    int IPV6_PKTINFO = 50;
    int IPV6_RECVHOPLIMIT = 51;
    int IPV6_HOPLIMIT = 52;
    int IPV6_TCLASS = 67;
    int MSG_DONTWAIT = 0x40;
    int SO_ATTACH_FILTER = 26;
    int POLLIN = 1;
    /** sys/eventfd.h (EFD_NONBLOCK is O_NONBLOCK). */
    int EFD_NONBLOCK = 0x800;
    int EFD_CLOEXEC = 0x80000;
    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;
    int EINTR = 4;
    int EAGAIN = 11;
    int ENODEV = 19;
    /** linux/sockios.h: interface index and hardware address by name (struct ifreq, 40 bytes on LP64). */
    long SIOCGIFHWADDR = 0x8927;
    long SIOCGIFINDEX = 0x8933;
    int IFREQ_SIZE = 40;
    int IFNAMSIZ = 16;
    int ARPHRD_ETHER = 1;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, Pointer addr, int len) throws LastErrorException;

    int setsockopt(int fd, int level, int name, Pointer value, int len) throws LastErrorException;

    long sendto(int fd, Pointer buf, long len, int flags, Pointer addr, int addrLen) throws LastErrorException;

    long sendmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

    long recv(int fd, Pointer buf, long len, int flags) throws LastErrorException;

    long recvmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

    int poll(Pointer fds, long nfds, int timeoutMillis) throws LastErrorException;

    /** poll with a struct timespec timeout (nanoseconds; null: none), so timers need no millisecond rounding. */
    int ppoll(Pointer fds, long nfds, Pointer timeout, Pointer sigmask) throws LastErrorException;

    int eventfd(int initval, int flags) throws LastErrorException;

    long read(int fd, Pointer buf, long len) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int pipe2(int[] fds, int flags) throws LastErrorException;

    long write(int fd, byte[] buf, long len) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int setns(int fd, int nstype) throws LastErrorException;

    int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    int setpriority(int which, int who, int prio) throws LastErrorException;

    int getpriority(int which, int who) throws LastErrorException;
}
