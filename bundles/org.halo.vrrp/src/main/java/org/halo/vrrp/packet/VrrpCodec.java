package org.halo.vrrp.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the VRRP message (RFC 3768 section 5.1, RFC 5798 section 5.1). Stateless and
 * thread-safe. The checksum is computed as keepalived does: v2 over the whole message including the 8
 * authentication bytes; v3 with the pseudo-header selected by {@link ChecksumMode}.
 */
public final class VrrpCodec {
    static final byte[] MCAST4 = {(byte) 224, 0, 0, 18};

    private VrrpCodec() {
    }

    /** @return the length in bytes of the encoded message. */
    public static int length(VrrpAdvert a) {
        int alen = a.ipv6() ? 16 : 4;
        return VrrpAdvert.HEADER_LEN + a.addresses().size() * alen + (a.version() == 2 && !a.ipv6() ? VrrpAdvert.AUTH_LEN : 0);
    }

    /**
     * Encodes {@code a}, computing the checksum (the checksum field of {@code a} is ignored).
     *
     * @param src IP source (needed for v3 only)
     * @param dst IP destination (needed for v3 only)
     */
    public static byte[] encode(VrrpAdvert a, InetAddress src, InetAddress dst, ChecksumMode mode) {
        byte[] out = new byte[length(a)];
        encodeInto(a, src, dst, mode, out, 0);
        return out;
    }

    /** Encodes into {@code out} at {@code off}; @return bytes written. */
    public static int encodeInto(VrrpAdvert a, InetAddress src, InetAddress dst, ChecksumMode mode, byte[] out,
            int off) {
        int len = length(a);
        out[off] = (byte) ((a.version() << 4) | (a.type() & 0x0f));
        out[off + 1] = (byte) a.vrid();
        out[off + 2] = (byte) a.priority();
        out[off + 3] = (byte) a.addresses().size();
        if (a.version() == 2) {
            out[off + 4] = (byte) a.rawAuthType();
            out[off + 5] = (byte) a.advertInterval();
        } else {
            int v = ((a.rawAuthType() & 0x0f) << 12) | (a.advertInterval() & 0x0fff);
            out[off + 4] = (byte) (v >>> 8);
            out[off + 5] = (byte) v;
        }
        out[off + 6] = 0;
        out[off + 7] = 0;
        int p = off + VrrpAdvert.HEADER_LEN;
        for (InetAddress ia : a.addresses()) {
            byte[] raw = ia.getAddress();
            System.arraycopy(raw, 0, out, p, raw.length);
            p += raw.length;
        }
        if (a.version() == 2 && !a.ipv6()) {
            byte[] auth = a.authData();
            System.arraycopy(auth, 0, out, p, Math.min(auth.length, VrrpAdvert.AUTH_LEN));
            for (int i = auth.length; i < VrrpAdvert.AUTH_LEN; i++) {
                out[p + i] = 0;
            }
        }
        int ck = compute(out, off, len, a.version(), src, dst, mode);
        out[off + 6] = (byte) (ck >>> 8);
        out[off + 7] = (byte) ck;
        return len;
    }

    /** Checksum of the message at {@code off} whose checksum field is taken as is (0 to compute). */
    static int compute(byte[] b, int off, int len, int version, InetAddress src, InetAddress dst, ChecksumMode mode) {
        long acc = 0;
        if (version == 3 && mode != ChecksumMode.V2_STYLE) {
            byte[] d = dst.getAddress();
            if (mode == ChecksumMode.MCAST_PSEUDO_HEADER && d.length == 4) {
                d = MCAST4;
            }
            acc = Checksum.pseudoHeader(src.getAddress(), d, len);
        }
        return Checksum.fold(Checksum.sum(b, off, len, acc));
    }

    /** @return true if the checksum of the received message is valid under {@code mode}. */
    public static boolean checksumValid(byte[] b, int off, int len, int version, InetAddress src, InetAddress dst,
            ChecksumMode mode) {
        return compute(b, off, len, version, src, dst, mode) == 0;
    }

    /**
     * Decodes a VRRP message. Length consistency with the address count is checked (keepalived's
     * "vrrp packet too short/long"); semantics are left to the engine's validation.
     *
     * @param ipv6 true if received over IPv6 (addresses are 16 bytes)
     */
    public static VrrpAdvert decode(byte[] b, int off, int len, boolean ipv6) throws MalformedPacketException {
        if (len < VrrpAdvert.HEADER_LEN) {
            throw new MalformedPacketException("vrrp packet too short, length " + len);
        }
        int version = (b[off] & 0xff) >>> 4;
        int type = b[off] & 0x0f;
        int vrid = b[off + 1] & 0xff;
        int prio = b[off + 2] & 0xff;
        int naddr = b[off + 3] & 0xff;
        int alen = ipv6 ? 16 : 4;
        int expected = expectedLength(version, naddr, ipv6);
        if (len != expected) {
            throw new MalformedPacketException("vrrp packet too " + (len > expected ? "long" : "short") + ", length "
                    + len + " and expect " + expected);
        }
        int rawAuth;
        int interval;
        if (version == 2) {
            rawAuth = b[off + 4] & 0xff;
            interval = b[off + 5] & 0xff;
        } else {
            int v = ((b[off + 4] & 0xff) << 8) | (b[off + 5] & 0xff);
            rawAuth = v >>> 12;
            interval = v & 0x0fff;
        }
        int ck = ((b[off + 6] & 0xff) << 8) | (b[off + 7] & 0xff);
        List<InetAddress> addrs = new ArrayList<>(naddr);
        int p = off + VrrpAdvert.HEADER_LEN;
        byte[] raw = new byte[alen];
        for (int i = 0; i < naddr; i++, p += alen) {
            System.arraycopy(b, p, raw, 0, alen);
            try {
                addrs.add(InetAddress.getByAddress(raw));
            } catch (UnknownHostException e) {
                throw new MalformedPacketException("bad address length");
            }
        }
        byte[] auth = new byte[0];
        AuthType at = AuthType.NONE;
        if (version == 2) {
            at = AuthType.fromCode(rawAuth);
        }
        if (version == 2 && !ipv6) {
            auth = new byte[VrrpAdvert.AUTH_LEN];
            System.arraycopy(b, p, auth, 0, VrrpAdvert.AUTH_LEN);
        }
        return new VrrpAdvert(version, type, vrid, prio, interval, at, rawAuth, ck, addrs, auth);
    }

    /**
     * keepalived's expected_vrrp_pkt_len: header, addresses and (v2 over IPv4 only) the auth data.
     */
    public static int expectedLength(int version, int naddr, boolean ipv6) {
        return VrrpAdvert.HEADER_LEN + naddr * (ipv6 ? 16 : 4) + (version == 2 && !ipv6 ? VrrpAdvert.AUTH_LEN : 0);
    }
}
