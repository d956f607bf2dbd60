package org.halo.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.halo.linux.api.Link;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends a gratuitous ARP and an unsolicited NA through pcap4j in one namespace, captures them with
 * tcpdump in the peer namespace and compares the bytes with keepalived 2.2.7's frames for the same
 * interface MAC and VIPs (test resource keepalived-2.2.7-garp-na.pcap).
 */
class AnnouncerNetnsTest {
    static Netns a;
    static Netns b;
    static Linux linux;

    @BeforeAll
    static void setUp() throws Exception {
        Netns.requireRoot();
        a = Netns.create("a");
        b = Netns.create("b");
        Netns.veth(a, "hka", b, "hkb");
        a.ip("link", "set", "hka", "address", "02:00:00:00:00:0a");
        a.ip("link", "set", "hka", "up");
        b.ip("link", "set", "hkb", "up");
        linux = a.call(Linux::open);
    }

    @AfterAll
    static void tearDown() {
        if (linux != null) {
            linux.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void framesOnTheWireEqualKeepalived() throws Exception {
        Path pcap = Files.createTempFile("halo-announce", ".pcap");
        Process tcpdump = b.start("tcpdump", "-i", "hkb", "-U", "-w", pcap.toString(), "-c", "2",
                "arp or (icmp6 and ip6[40] == 136)");
        try {
            waitForCapture(tcpdump);
            Link link = linux.netlink().link("hka").orElseThrow();
            long t0 = System.nanoTime();
            a.call(() -> {
                linux.announcer().gratuitousArp("hka", link.mac(), (Inet4Address) InetAddress.getByName("10.9.0.100"));
                linux.announcer().unsolicitedNa("hka", link.mac(),
                        (Inet6Address) InetAddress.getByName("fd00:9::100"), false);
                return null;
            });
            long firstCallMicros = (System.nanoTime() - t0) / 1000;
            assertTrue(tcpdump.waitFor(10, TimeUnit.SECONDS), "tcpdump did not see both frames");
            List<byte[]> ours;
            try (InputStream in = Files.newInputStream(pcap)) {
                ours = FramesTest.pcapFrames(in);
            }
            List<byte[]> keepalived = FramesTest.keepalivedFrames();
            HexFormat hex = HexFormat.of();
            assertEquals(hex.formatHex(FramesTest.first(keepalived, 0x0806)), hex.formatHex(FramesTest.first(ours, 0x0806)));
            assertEquals(hex.formatHex(FramesTest.first(keepalived, 0x86dd)), hex.formatHex(FramesTest.first(ours, 0x86dd)));

            // a warm handle: time for one more GARP
            long t1 = System.nanoTime();
            a.call(() -> {
                linux.announcer().gratuitousArp("hka", link.mac(), (Inet4Address) InetAddress.getByName("10.9.0.100"));
                return null;
            });
            System.out.printf("GARP+NA via pcap4j: first call (opens handle) %d us, next GARP %d us%n",
                    firstCallMicros, (System.nanoTime() - t1) / 1000);
        } finally {
            tcpdump.destroy();
            if (!tcpdump.waitFor(5, TimeUnit.SECONDS)) {
                tcpdump.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(pcap);
        }
    }

    /** tcpdump prints "listening on" once its capture is open. */
    private static void waitForCapture(Process tcpdump) throws Exception {
        StringBuilder seen = new StringBuilder();
        InputStream out = tcpdump.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && !seen.toString().contains("listening on")) {
            int c = out.read();
            if (c < 0) {
                throw new AssertionError("tcpdump exited: " + seen);
            }
            seen.append((char) c);
        }
        assertTrue(seen.toString().contains("listening on"), seen.toString());
    }
}
