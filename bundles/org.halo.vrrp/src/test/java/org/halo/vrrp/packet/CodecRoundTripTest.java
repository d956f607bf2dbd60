package org.halo.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random adverts: encode, decode, verify and re-encode agree; truncation and bit flips are caught. */
class CodecRoundTripTest {

    static InetAddress addr(Random r, boolean v6) throws Exception {
        byte[] b = new byte[v6 ? 16 : 4];
        r.nextBytes(b);
        return InetAddress.getByAddress(b);
    }

    @Test
    void randomAdvertsRoundTrip() throws Exception {
        Random r = new Random(42);
        for (int i = 0; i < 5000; i++) {
            boolean v6 = r.nextInt(3) == 0;
            int version = v6 || r.nextBoolean() ? 3 : 2;
            List<InetAddress> vips = new ArrayList<>();
            int n = r.nextInt(20);
            for (int k = 0; k < n; k++) {
                vips.add(addr(r, v6));
            }
            AuthType auth = AuthType.values()[r.nextInt(3)];
            byte[] pw = new byte[1 + r.nextInt(8)];
            r.nextBytes(pw);
            VrrpAdvert a = version == 2 ? VrrpAdvert.v2(1 + r.nextInt(255), r.nextInt(256), 1 + r.nextInt(255), auth, pw, vips)
                    : VrrpAdvert.v3(1 + r.nextInt(255), r.nextInt(256), 1 + r.nextInt(4095), vips);
            InetAddress src = addr(r, v6);
            InetAddress dst = addr(r, v6);
            ChecksumMode mode = ChecksumMode.values()[r.nextInt(3)];
            byte[] b = VrrpCodec.encode(a, src, dst, mode);
            VrrpAdvert d = VrrpCodec.decode(b, 0, b.length, v6);
            assertEquals(a.vrid(), d.vrid());
            assertEquals(a.priority(), d.priority());
            assertEquals(a.advertInterval(), d.advertInterval());
            assertEquals(vips, d.addresses());
            assertTrue(VrrpCodec.checksumValid(b, 0, b.length, version, src, dst, mode), "seed 42 case " + i);
            assertArrayEquals(b, VrrpCodec.encode(d, src, dst, mode));
            byte[] flipped = b.clone();
            int bit = r.nextInt(b.length * 8);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(VrrpCodec.checksumValid(flipped, 0, b.length, version, src, dst, mode));
            assertThrows(MalformedPacketException.class, () -> VrrpCodec.decode(b, 0, b.length - 1, v6));
            if (!v6 && auth == AuthType.AH && version == 2) {
                byte[] dg = Ipv4Datagram.build(r.nextInt(65536), 255, (Inet4Address) src, (Inet4Address) dst, b, pw,
                        r.nextInt() & 0xffffffffL, false);
                assertTrue(Ipv4Datagram.ahValid(dg, 0, dg.length, pw, false));
                dg[dg.length - 1] ^= 1;
                assertFalse(Ipv4Datagram.ahValid(dg, 0, dg.length, pw, false));
            }
        }
    }
}
