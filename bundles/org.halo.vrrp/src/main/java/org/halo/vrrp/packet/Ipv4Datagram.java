package org.halo.vrrp.packet;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The IPv4 datagram keepalived sends with IP_HDRINCL: a 20-byte header (TOS 0xc0, DF clear, protocol
 * 112, or 51 when AH is used), optionally keepalived's IPsec AH header, then the VRRP message.
 * keepalived's AH (vrrp.c vrrp_build_ipsecah): SPI = source address, sequence number incremented per
 * advert, ICV = first 96 bits of HMAC-MD5 keyed with the 8-byte (zero padded) auth_pass over the whole
 * datagram with TOS, fragment offset, header checksum and ICV zeroed; TTL is zeroed too for unicast.
 */
public final class Ipv4Datagram {
    public static final int IP_HEADER_LEN = 20;
    public static final int AH_LEN = 24;
    public static final int PROTO_AH = 51;
    public static final int TOS_NETWORK_CONTROL = 0xc0;
    static final int ICV_OFFSET = IP_HEADER_LEN + 12;
    static final int ICV_LEN = 12;

    /**
     * A parsed received datagram.
     *
     * @param vrrpOffset offset of the VRRP message within the buffer
     * @param vrrpLength length of the VRRP message (from the buffer length)
     */
    public record Parsed(Inet4Address source, Inet4Address destination, int tos, int ttl, int protocol, int totalLength,
            int id, int headerLength, boolean ah, long ahSpi, long ahSeq, int ahNextHeader, int vrrpOffset,
            int vrrpLength) {
    }

    private Ipv4Datagram() {
    }

    /** Parses the IPv4 header (and AH if protocol 51). */
    public static Parsed parse(byte[] b, int off, int len) throws MalformedPacketException {
        if (len < IP_HEADER_LEN || (b[off] & 0xf0) != 0x40) {
            throw new MalformedPacketException("not an IPv4 packet");
        }
        int ihl = (b[off] & 0x0f) * 4;
        if (ihl < IP_HEADER_LEN || len < ihl) {
            throw new MalformedPacketException("bad IPv4 header length");
        }
        int tos = b[off + 1] & 0xff;
        int tot = u16(b, off + 2);
        int id = u16(b, off + 4);
        int ttl = b[off + 8] & 0xff;
        int proto = b[off + 9] & 0xff;
        Inet4Address src = v4(b, off + 12);
        Inet4Address dst = v4(b, off + 16);
        int p = off + ihl;
        boolean ah = proto == PROTO_AH;
        long spi = 0;
        long seq = 0;
        int next = proto;
        if (ah) {
            if (len < ihl + AH_LEN) {
                throw new MalformedPacketException("truncated AH header");
            }
            next = b[p] & 0xff;
            spi = u32(b, p + 4);
            seq = u32(b, p + 8);
            p += AH_LEN;
        }
        return new Parsed(src, dst, tos, ttl, proto, tot, id, ihl, ah, spi, seq, next, p, len - (p - off));
    }

    /**
     * Builds a datagram around an encoded VRRP message.
     *
     * @param ahKey null for no AH; else the auth_pass (zero padded or truncated to 8 bytes)
     * @param ahSeq AH sequence number (keepalived starts at 1 and increments per advert)
     * @param unicast whether the destination is a unicast peer (TTL is then zeroed for the ICV)
     */
    public static byte[] build(int id, int ttl, Inet4Address src, Inet4Address dst, byte[] vrrp, byte[] ahKey,
            long ahSeq, boolean unicast) {
        int ahLen = ahKey == null ? 0 : AH_LEN;
        byte[] out = new byte[IP_HEADER_LEN + ahLen + vrrp.length];
        out[0] = 0x45;
        out[1] = (byte) TOS_NETWORK_CONTROL;
        put16(out, 2, out.length);
        put16(out, 4, id);
        out[8] = (byte) ttl;
        out[9] = (byte) (ahKey == null ? Checksum.PROTO_VRRP : PROTO_AH);
        System.arraycopy(src.getAddress(), 0, out, 12, 4);
        System.arraycopy(dst.getAddress(), 0, out, 16, 4);
        System.arraycopy(vrrp, 0, out, IP_HEADER_LEN + ahLen, vrrp.length);
        if (ahKey != null) {
            int p = IP_HEADER_LEN;
            out[p] = (byte) Checksum.PROTO_VRRP;
            out[p + 1] = 4; // payload length in 32-bit words minus 2 (RFC 2402 section 2.2)
            System.arraycopy(src.getAddress(), 0, out, p + 4, 4);
            put32(out, p + 8, ahSeq);
            byte[] icv = icv(out, 0, out.length, ahKey, unicast);
            System.arraycopy(icv, 0, out, ICV_OFFSET, ICV_LEN);
        }
        put16(out, 10, Checksum.fold(Checksum.sum(out, 0, IP_HEADER_LEN, 0)));
        return out;
    }

    /** Verifies the AH ICV of a received datagram (keepalived vrrp_in_chk_ipsecah). */
    public static boolean ahValid(byte[] b, int off, int len, byte[] ahKey, boolean unicast) {
        if (len < IP_HEADER_LEN + AH_LEN) {
            return false;
        }
        byte[] expected = icv(b, off, len, ahKey, unicast);
        byte[] got = Arrays.copyOfRange(b, off + ICV_OFFSET, off + ICV_OFFSET + ICV_LEN);
        return MessageDigest.isEqual(expected, got);
    }

    static byte[] icv(byte[] b, int off, int len, byte[] key, boolean unicast) {
        byte[] m = Arrays.copyOfRange(b, off, off + len);
        m[1] = 0; // TOS
        m[6] = 0; // flags + fragment offset
        m[7] = 0;
        m[10] = 0; // header checksum
        m[11] = 0;
        if (unicast) {
            m[8] = 0;
        }
        Arrays.fill(m, ICV_OFFSET, ICV_OFFSET + ICV_LEN, (byte) 0);
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(Arrays.copyOf(key, 8), "HmacMD5"));
            return Arrays.copyOf(mac.doFinal(m), ICV_LEN);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 not available", e);
        }
    }

    private static Inet4Address v4(byte[] b, int off) {
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(b, off, off + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, long v) {
        put16(b, off, (int) (v >>> 16));
        put16(b, off + 2, (int) v);
    }
}
