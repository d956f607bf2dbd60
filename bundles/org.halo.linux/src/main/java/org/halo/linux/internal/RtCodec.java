package org.halo.linux.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Map;

import org.halo.linux.api.Address;
import org.halo.linux.api.AddressScope;
import org.halo.linux.api.Link;
import org.halo.linux.api.MacAddress;

/** Decodes RTM_NEWLINK / RTM_NEWADDR bodies (ifinfomsg, ifaddrmsg and their attributes). */
final class RtCodec {
    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_LINK = 5;
    static final int IFLA_OPERSTATE = 16;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_AF_SPEC = 26;
    static final int IFLA_INET6_ADDR_GEN_MODE = 8;
    static final int IN6_ADDR_GEN_MODE_NONE = 1;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int IFLA_MACVLAN_MODE = 1;
    static final int MACVLAN_MODE_PRIVATE = 1;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_LABEL = 3;
    static final int IFA_BROADCAST = 4;
    static final int IFA_FLAGS = 8;
    static final int IFA_F_NODAD = 0x02;

    private RtCodec() {
    }

    static Link link(ByteBuffer body) {
        int index = body.getInt(4);
        int flags = body.getInt(8);
        Map<Integer, ByteBuffer> a = NlMessage.attrs(body, 16);
        String name = a.containsKey(IFLA_IFNAME) ? NlMessage.string(a.get(IFLA_IFNAME)) : "if" + index;
        MacAddress mac = null;
        if (a.containsKey(IFLA_ADDRESS) && a.get(IFLA_ADDRESS).remaining() == 6) {
            mac = new MacAddress(NlMessage.bytes(a.get(IFLA_ADDRESS)));
        }
        int mtu = a.containsKey(IFLA_MTU) ? a.get(IFLA_MTU).getInt(0) : 0;
        int oper = a.containsKey(IFLA_OPERSTATE) ? a.get(IFLA_OPERSTATE).get(0) & 0xff : 0;
        int parent = a.containsKey(IFLA_LINK) ? a.get(IFLA_LINK).getInt(0) : 0;
        String kind = null;
        if (a.containsKey(IFLA_LINKINFO)) {
            Map<Integer, ByteBuffer> info = NlMessage.attrs(a.get(IFLA_LINKINFO), 0);
            if (info.containsKey(IFLA_INFO_KIND)) {
                kind = NlMessage.string(info.get(IFLA_INFO_KIND));
            }
        }
        return new Link(index, name, mac, mtu, flags, oper, kind, parent);
    }

    /** Address from an RTM_NEWADDR body; {@code device} is the name of ifa_index. */
    static Address address(ByteBuffer body, String device) {
        int prefix = body.get(1) & 0xff;
        int flags = body.get(2) & 0xff;
        int scope = body.get(3) & 0xff;
        Map<Integer, ByteBuffer> a = NlMessage.attrs(body, 8);
        // For IPv4 IFA_LOCAL is the interface's own address (IFA_ADDRESS is the peer on p2p links);
        // IPv6 sends only IFA_ADDRESS.
        ByteBuffer raw = a.containsKey(IFA_LOCAL) ? a.get(IFA_LOCAL) : a.get(IFA_ADDRESS);
        InetAddress address = SockAddr.address(NlMessage.bytes(raw));
        InetAddress brd = a.containsKey(IFA_BROADCAST) ? SockAddr.address(NlMessage.bytes(a.get(IFA_BROADCAST)))
                : null;
        String label = a.containsKey(IFA_LABEL) ? NlMessage.string(a.get(IFA_LABEL)) : null;
        if (a.containsKey(IFA_FLAGS)) {
            flags = a.get(IFA_FLAGS).getInt(0);
        }
        return new Address(address, prefix, device, brd, AddressScope.of(scope), label,
                (flags & IFA_F_NODAD) != 0);
    }

    static int ifindexOfAddress(ByteBuffer body) {
        return body.getInt(4);
    }

    static int familyOf(ByteBuffer body) {
        return body.get(0) & 0xff;
    }
}
