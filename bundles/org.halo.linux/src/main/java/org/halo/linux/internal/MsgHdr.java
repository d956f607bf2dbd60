package org.halo.linux.internal;

import com.sun.jna.Memory;

/**
 * A reusable struct msghdr with one iovec, a name buffer and a control buffer (LP64 layout:
 * name@0, namelen@8, iov@16, iovlen@24, control@32, controllen@40, flags@48; iovec = base, len).
 */
final class MsgHdr {
    static final int CMSG_HDR = 16; // cmsg_len (size_t), cmsg_level, cmsg_type

    final Memory hdr = new Memory(56);
    final Memory iov = new Memory(16);
    final Memory name = new Memory(SockAddr.IN6_LEN);
    final Memory data;
    final Memory control;

    MsgHdr(int dataSize, int controlSize) {
        data = new Memory(dataSize);
        control = new Memory(Math.max(controlSize, 8));
    }

    /** Prepares for recvmsg: full buffers. */
    void forReceive() {
        iov.setPointer(0, data);
        iov.setLong(8, data.size());
        hdr.clear();
        hdr.setPointer(0, name);
        hdr.setInt(8, (int) name.size());
        hdr.setPointer(16, iov);
        hdr.setLong(24, 1);
        hdr.setPointer(32, control);
        hdr.setLong(40, control.size());
    }

    /** Prepares for sendmsg: {@code length} bytes of data, {@code controlLength} bytes of control. */
    void forSend(int length, int nameLength, int controlLength) {
        iov.setPointer(0, data);
        iov.setLong(8, length);
        hdr.clear();
        hdr.setPointer(0, name);
        hdr.setInt(8, nameLength);
        hdr.setPointer(16, iov);
        hdr.setLong(24, 1);
        if (controlLength > 0) {
            hdr.setPointer(32, control);
            hdr.setLong(40, controlLength);
        }
    }

    long controlLength() {
        return hdr.getLong(40);
    }

    /** Writes one cmsg at the start of the control buffer; returns its aligned length. */
    int putControl(int level, int type, byte[] payload) {
        int len = CMSG_HDR + payload.length;
        control.clear();
        control.setLong(0, len);
        control.setInt(8, level);
        control.setInt(12, type);
        control.write(CMSG_HDR, payload, 0, payload.length);
        return (len + 7) & ~7;
    }
}
