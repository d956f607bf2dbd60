package org.halo.linux.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/** sockaddr_in / sockaddr_in6 encoding (family in host order, port and address in network order). */
final class SockAddr {
    static final int IN_LEN = 16;
    static final int IN6_LEN = 28;

    private SockAddr() {
    }

    static Memory of(InetAddress address, int scopeId) {
        if (address instanceof Inet4Address) {
            Memory m = new Memory(IN_LEN);
            m.clear();
            m.setShort(0, (short) LibC.AF_INET);
            m.write(4, address.getAddress(), 0, 4);
            return m;
        }
        Memory m = new Memory(IN6_LEN);
        m.clear();
        m.setShort(0, (short) LibC.AF_INET6);
        m.write(8, address.getAddress(), 0, 16);
        int scope = scopeId;
        if (scope == 0 && address instanceof Inet6Address a6) {
            scope = a6.getScopeId();
        }
        m.setInt(24, scope);
        return m;
    }

    static int length(InetAddress address) {
        return address instanceof Inet4Address ? IN_LEN : IN6_LEN;
    }

    static InetAddress decode(Pointer p) {
        int family = p.getShort(0) & 0xffff;
        try {
            if (family == LibC.AF_INET) {
                return InetAddress.getByAddress(p.getByteArray(4, 4));
            }
            if (family == LibC.AF_INET6) {
                return InetAddress.getByAddress(p.getByteArray(8, 16));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
