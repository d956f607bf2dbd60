package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.util.Arrays;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.packet.ChecksumMode;
import org.halo.vrrp.packet.Ipv4Datagram;
import org.halo.vrrp.packet.MalformedPacketException;
import org.halo.vrrp.packet.VrrpAdvert;
import org.halo.vrrp.packet.VrrpCodec;

/**
 * keepalived 2.2.7's vrrp_check_packet: the checks in its order, its log lines and its counters.
 */
final class PacketValidator {
    enum Verdict {
        OK, KO, DROP
    }

    record Result(Verdict verdict, VrrpAdvert advert) {
        static final Result KO = new Result(Verdict.KO, null);
        static final Result DROP = new Result(Verdict.DROP, null);
    }

    private PacketValidator() {
    }

    static Result check(Instance in, InboundPacket p, boolean checkVipAddr) {
        InstanceConfig c = in.cfg;
        Counters.Mutable st = in.stats;
        String n = "(" + c.name() + ") ";
        byte[] m = p.vrrpMessage();
        boolean v6 = c.ipv6();
        Ipv4Datagram.Parsed ip = null;
        if (!v6 && p.ipv4Datagram() != null) {
            try {
                ip = Ipv4Datagram.parse(p.ipv4Datagram(), 0, p.ipv4Datagram().length);
            } catch (MalformedPacketException e) {
                in.log(n + "ip header invalid: " + e.getMessage());
                st.packetLenErr++;
                return Result.KO;
            }
        }
        int ipHdr = 0;
        if (!v6) {
            boolean hasAh = ip != null && ip.ah();
            if (hasAh != (c.authType() == AuthType.AH)) {
                in.log(hasAh ? n + "Received AH header but auth type not AH" : n + "No AH header but auth type is AH");
                st.authtypeMismatch++;
                return Result.KO;
            }
            ipHdr = (ip != null ? ip.headerLength() : Ipv4Datagram.IP_HEADER_LEN) + (hasAh ? Ipv4Datagram.AH_LEN : 0);
        }
        int bufLen = ipHdr + m.length;
        int version = m.length > 0 ? (m[0] & 0xff) >>> 4 : 0;
        int naddr = m.length > 3 ? m[3] & 0xff : 0;
        int expected = ipHdr + VrrpCodec.expectedLength(version, naddr, v6);
        if (m.length < VrrpAdvert.HEADER_LEN || bufLen != expected) {
            in.log(n + "vrrp packet too " + (bufLen > expected ? "long" : "short") + ", length " + bufLen
                    + " and expect " + expected);
            st.packetLenErr++;
            return Result.KO;
        }
        if (!c.unicast() && p.ttl() != -1 && p.ttl() != 255) {
            in.log(n + "invalid TTL/HL. Received " + p.ttl() + " and expect 255");
            st.ipTtlErr++;
            return Result.KO;
        }
        if (version != c.version()) {
            in.log(n + "wrong version. Received " + version + " and expect " + c.version());
            return Result.KO;
        }
        VrrpAdvert a;
        try {
            a = VrrpCodec.decode(m, 0, m.length, v6);
        } catch (MalformedPacketException e) {
            in.log(n + e.getMessage());
            st.packetLenErr++;
            return Result.KO;
        }
        if (version == 2) {
            if (a.authType() == null) {
                in.log(n + "Invalid auth type: " + a.rawAuthType());
                st.invalidAuthtype++;
                return Result.KO;
            }
            if (a.authType() != c.authType()) {
                in.log(n + "received a " + a.rawAuthType() + " auth, expecting " + c.authType().code() + "!");
                st.authtypeMismatch++;
                return Result.KO;
            }
            if (c.authType() == AuthType.PASS && !MessageDigest.isEqual(a.authData(), c.authPass())) {
                in.log(n + "received an invalid passwd!");
                st.authFailure++;
                return Result.KO;
            }
            if (c.authType() == AuthType.AH) {
                if (ip.ahNextHeader() != 112) {
                    return Result.DROP;
                }
                byte[] d = p.ipv4Datagram();
                if (!Ipv4Datagram.ahValid(d, 0, d.length, c.authPass(), c.unicast())) {
                    in.log(n + "invalid IPSEC HMAC-MD5 value. Due to fields mutation or bad password !");
                    st.authFailure++;
                    return Result.KO;
                }
            }
            if (c.advertIntervalMillis() != a.advertInterval() * 1000L) {
                in.log(n + "advertisement interval mismatch mine=" + c.advertIntervalMillis() / 1000 + " sec rcv'd="
                        + a.advertInterval() + " sec");
                st.advertIntervalErr++;
                return Result.DROP;
            }
        }
        if (a.type() != VrrpAdvert.TYPE_ADVERTISEMENT) {
            in.log(n + "Invalid packet type. " + a.type() + " and expect " + VrrpAdvert.TYPE_ADVERTISEMENT);
            st.invalidTypeRcvd++;
            return Result.KO;
        }
        int vipCount = c.virtualAddresses().size();
        if (checkVipAddr && naddr != vipCount) {
            in.log(n + "received an unexpected ip number count " + naddr + ", expected " + vipCount + "!");
            st.addrListErr++;
            return Result.KO;
        }
        if (ip != null && ip.totalLength() != p.ipv4Datagram().length) {
            in.log(n + "ip_tot_len mismatch against received length. " + ip.totalLength() + " and received "
                    + p.ipv4Datagram().length);
            st.packetLenErr++;
            return Result.KO;
        }
        // MUST verify the VRRP checksum; for IPv6 the kernel does it (IPV6_CHECKSUM)
        if (!v6 && !checksumOk(in, p, a)) {
            in.log(n + "Invalid VRRPv" + version + " checksum");
            return Result.KO;
        }
        boolean mcast = p.destination().isMulticastAddress();
        if (mcast == c.unicast()) {
            in.log(n + "Expected " + (c.unicast() ? "un" : "mult") + "icast packet but received "
                    + (c.unicast() ? "mult" : "un") + "icast packet");
            st.addrListErr++;
            return Result.KO;
        }
        st.advertRcvd++;
        if (checkVipAddr) {
            for (VirtualAddress vip : c.virtualAddresses()) {
                if (!a.addresses().contains(vip.address())) {
                    in.log(n + "ip address associated with VRID " + c.vrid() + " not present in MASTER advert : "
                            + Addresses.format(vip.address()));
                    st.addrListErr++;
                    return Result.KO;
                }
            }
            if (c.unicast() && c.checkUnicastSrc()) {
                UnicastPeer peer = null;
                for (UnicastPeer u : c.unicastPeers()) {
                    if (Arrays.equals(u.address().getAddress(), p.source().getAddress())) {
                        peer = u;
                        break;
                    }
                }
                if (peer == null) {
                    in.log(n + "unicast source address " + Addresses.format(p.source()) + " not a unicast peer");
                    return Result.KO;
                }
                if (p.ttl() != -1 && (p.ttl() < peer.minTtl() || p.ttl() > peer.maxTtl())) {
                    st.ipTtlErr++;
                    in.log(n + "TTL/HL " + p.ttl() + " not in range " + peer.minTtl() + " - " + peer.maxTtl());
                    return Result.KO;
                }
            }
        }
        if (a.priority() == 0) {
            st.priZeroRcvd++;
        }
        return new Result(Verdict.OK, a);
    }

    /** v2 plain; v3 with pseudo-header, falling back to keepalived's old unicast form (and adopting it). */
    private static boolean checksumOk(Instance in, InboundPacket p, VrrpAdvert a) {
        byte[] m = p.vrrpMessage();
        InetAddress src = p.source();
        InetAddress dst = p.destination();
        if (VrrpCodec.checksumValid(m, 0, m.length, a.version(), src, dst, in.checksumMode)) {
            return true;
        }
        if (a.version() == 3 && in.cfg.unicast() && in.checksumMode == ChecksumMode.PSEUDO_HEADER
                && VrrpCodec.checksumValid(m, 0, m.length, 3, src, dst, ChecksumMode.MCAST_PSEUDO_HEADER)) {
            in.checksumMode = ChecksumMode.MCAST_PSEUDO_HEADER;
            in.log("(" + in.cfg.name() + ") Setting unicast VRRPv3 checksum to old version");
            return true;
        }
        return false;
    }
}
