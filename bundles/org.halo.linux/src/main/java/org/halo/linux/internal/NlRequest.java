package org.halo.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Builds one netlink message: nlmsghdr, a fixed family header, then 4-byte aligned rtattrs (nested
 * where asked). Host byte order, as netlink requires.
 */
final class NlRequest {
    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_DUMP = 0x300;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;

    private final ByteBuffer buf = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    private final Deque<Integer> nests = new ArrayDeque<>();
    final int type;
    final int flags;

    NlRequest(int type, int flags) {
        this.type = type;
        this.flags = flags;
        buf.position(16);
    }

    NlRequest u8(int v) {
        buf.put((byte) v);
        return this;
    }

    NlRequest u16(int v) {
        buf.putShort((short) v);
        return this;
    }

    NlRequest u32(int v) {
        buf.putInt(v);
        return this;
    }

    NlRequest attr(int attrType, byte[] data) {
        align();
        buf.putShort((short) (4 + data.length)).putShort((short) attrType).put(data);
        align();
        return this;
    }

    NlRequest attrU32(int attrType, int value) {
        byte[] b = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        return attr(attrType, b);
    }

    NlRequest attrU8(int attrType, int value) {
        return attr(attrType, new byte[] {(byte) value});
    }

    NlRequest attrString(int attrType, String value) {
        byte[] s = value.getBytes(StandardCharsets.US_ASCII);
        return attr(attrType, Arrays.copyOf(s, s.length + 1));
    }

    NlRequest nest(int attrType) {
        align();
        nests.push(buf.position());
        buf.putShort((short) 0).putShort((short) attrType);
        return this;
    }

    NlRequest end() {
        int start = nests.pop();
        buf.putShort(start, (short) (buf.position() - start));
        align();
        return this;
    }

    private void align() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }

    byte[] build(int seq) {
        align();
        int len = buf.position();
        buf.putInt(0, len).putShort(4, (short) type).putShort(6, (short) (flags | NLM_F_REQUEST))
                .putInt(8, seq).putInt(12, 0);
        return Arrays.copyOf(buf.array(), len);
    }
}
