package org.halo.vrrp.packet;

/** RFC 1071 Internet checksum, with the RFC 5798 section 5.2.8 pseudo-headers. */
public final class Checksum {
    /** IP protocol number of VRRP. */
    public static final int PROTO_VRRP = 112;

    private Checksum() {
    }

    /** @return the one's-complement sum (not yet folded or inverted) of {@code len} bytes. */
    public static long sum(byte[] b, int off, int len, long acc) {
        int i = 0;
        for (; i + 1 < len; i += 2) {
            acc += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
        }
        if (i < len) {
            acc += (b[off + i] & 0xff) << 8;
        }
        return acc;
    }

    /** Folds and inverts an accumulated sum into the 16-bit checksum value. */
    public static int fold(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xffff) + (acc >>> 16);
        }
        return (int) (~acc & 0xffff);
    }

    /** Sum of the IPv4 or IPv6 pseudo-header for protocol 112 and the given upper-layer length. */
    public static long pseudoHeader(byte[] src, byte[] dst, int length) {
        long acc = sum(src, 0, src.length, 0);
        acc = sum(dst, 0, dst.length, acc);
        return acc + PROTO_VRRP + (length & 0xffff) + (length >>> 16);
    }
}
