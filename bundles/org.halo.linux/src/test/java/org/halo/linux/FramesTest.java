package org.halo.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.halo.linux.api.MacAddress;
import org.halo.linux.internal.Frames;
import org.junit.jupiter.api.Test;

/**
 * GARP and unsolicited NA bytes against what keepalived 2.2.7 put on the wire (captured with tcpdump
 * in a namespace; the config is next to the capture in the test resources: interface MAC
 * 02:00:00:00:00:0a, VIPs 10.9.0.100 and fd00:9::100).
 */
class FramesTest {
    static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:0a");

    /** Frames of a classic little-endian pcap file. */
    static List<byte[]> pcapFrames(InputStream in) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4) {
            throw new IOException("not a little-endian pcap file");
        }
        List<byte[]> frames = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int caplen = b.getInt(pos + 8);
            byte[] f = new byte[caplen];
            b.get(pos + 16, f);
            frames.add(f);
            pos += 16 + caplen;
        }
        return frames;
    }

    static List<byte[]> keepalivedFrames() throws IOException {
        try (InputStream in = FramesTest.class.getResourceAsStream("/keepalived-2.2.7-garp-na.pcap")) {
            return pcapFrames(in);
        }
    }

    static byte[] first(List<byte[]> frames, int etherType) {
        for (byte[] f : frames) {
            if (((f[12] & 0xff) << 8 | (f[13] & 0xff)) == etherType) {
                return f;
            }
        }
        throw new AssertionError("no frame with ethertype " + Integer.toHexString(etherType));
    }

    @Test
    void gratuitousArpMatchesKeepalived() throws Exception {
        byte[] expected = first(keepalivedFrames(), 0x0806);
        byte[] ours = Frames.gratuitousArp(MAC, (Inet4Address) InetAddress.getByName("10.9.0.100"));
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(ours));
    }

    @Test
    void unsolicitedNaMatchesKeepalived() throws Exception {
        byte[] expected = first(keepalivedFrames(), 0x86dd);
        byte[] ours = Frames.unsolicitedNa(MAC, (Inet6Address) InetAddress.getByName("fd00:9::100"), false);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(ours));
    }

    @Test
    void routerFlagChangesFlagsAndChecksumOnly() throws Exception {
        Inet6Address vip = (Inet6Address) InetAddress.getByName("fd00:9::100");
        byte[] plain = Frames.unsolicitedNa(MAC, vip, false);
        byte[] router = Frames.unsolicitedNa(MAC, vip, true);
        assertEquals((byte) 0xa0, router[58]);
        assertEquals((byte) 0x20, plain[58]);
        // the one's complement sum over the whole ICMPv6 message with pseudo-header stays 0xffff
        plain[58] = router[58];
        plain[56] = router[56];
        plain[57] = router[57];
        assertArrayEquals(router, plain);
    }

    @Test
    void vrrpMacs() {
        assertEquals("00:00:5e:00:01:33", MacAddress.vrrp(51, false).toString());
        assertEquals("00:00:5e:00:02:ff", MacAddress.vrrp(255, true).toString());
    }
}
