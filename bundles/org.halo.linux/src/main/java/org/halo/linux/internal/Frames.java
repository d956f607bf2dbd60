package org.halo.linux.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

import org.halo.linux.api.MacAddress;

/**
 * The L2 frames a new master sends, laid out as keepalived 2.2.7 puts them on the wire (checked
 * against a capture in the tests): no padding, so 42 bytes for ARP and 86 for the NA.
 */
public final class Frames {
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};
    private static final byte[] ALL_NODES_MAC = {0x33, 0x33, 0, 0, 0, 1};
    private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private Frames() {
    }

    /**
     * Gratuitous ARP: Ethernet broadcast, ARP request (RFC 5227 section 3 style announcement), sender
     * and target protocol address = VIP, target hardware address ff:ff:ff:ff:ff:ff as keepalived fills
     * it.
     */
    public static byte[] gratuitousArp(MacAddress mac, Inet4Address vip) {
        byte[] hw = mac.bytes();
        byte[] ip = vip.getAddress();
        return ByteBuffer.allocate(42)
                .put(BROADCAST).put(hw).putShort((short) 0x0806)
                .putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1)
                .put(hw).put(ip).put(BROADCAST).put(ip)
                .array();
    }

    /** Unsolicited NA from the VIP to all nodes, override flag, target link-layer address option. */
    public static byte[] unsolicitedNa(MacAddress mac, Inet6Address vip, boolean router) {
        byte[] hw = mac.bytes();
        byte[] target = vip.getAddress();
        ByteBuffer icmp = ByteBuffer.allocate(32)
                .put((byte) 136).put((byte) 0).putShort((short) 0)
                .putInt((router ? 0x80000000 : 0) | 0x20000000) // R, S=0 (unsolicited), O
                .put(target)
                .put((byte) 2).put((byte) 1).put(hw); // option 2: target link-layer address, 8 bytes
        byte[] body = icmp.array();
        int sum = icmpv6Checksum(target, ALL_NODES, body);
        body[2] = (byte) (sum >> 8);
        body[3] = (byte) sum;
        return ByteBuffer.allocate(86)
                .put(ALL_NODES_MAC).put(hw).putShort((short) 0x86dd)
                .putInt(0x60000000).putShort((short) body.length).put((byte) 58).put((byte) 255)
                .put(target).put(ALL_NODES)
                .put(body)
                .array();
    }

    /** RFC 4443 section 2.3: one's complement sum over the IPv6 pseudo-header and the message. */
    static int icmpv6Checksum(byte[] src, byte[] dst, byte[] msg) {
        long sum = 0;
        sum += sum16(src) + sum16(dst);
        sum += msg.length;
        sum += 58;
        sum += sum16(msg);
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sum16(byte[] b) {
        long s = 0;
        for (int i = 0; i < b.length; i += 2) {
            int hi = b[i] & 0xff;
            int lo = i + 1 < b.length ? b[i + 1] & 0xff : 0;
            s += (hi << 8) | lo;
        }
        return s;
    }
}
