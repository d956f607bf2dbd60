package org.halo.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One received netlink message; {@code body} starts after the 16-byte nlmsghdr. */
record NlMessage(int type, int flags, int seq, ByteBuffer body) {

    /** Attributes found from {@code offset} of {@code data} to its limit (later duplicates win). */
    static Map<Integer, ByteBuffer> attrs(ByteBuffer data, int offset) {
        Map<Integer, ByteBuffer> out = new HashMap<>();
        int pos = offset;
        while (pos + 4 <= data.limit()) {
            int len = data.getShort(pos) & 0xffff;
            int type = data.getShort(pos + 2) & 0x3fff; // strip NLA_F_NESTED / NLA_F_NET_BYTEORDER
            if (len < 4 || pos + len > data.limit()) {
                break;
            }
            ByteBuffer value = data.duplicate().position(pos + 4).limit(pos + len).slice()
                    .order(ByteOrder.nativeOrder());
            out.put(type, value);
            pos += (len + 3) & ~3;
        }
        return out;
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    static String string(ByteBuffer b) {
        byte[] raw = bytes(b);
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.US_ASCII);
    }
}
