package org.halo.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.halo.linux.api.ReceivedPacket;
import org.halo.linux.api.VrrpSocket;
import org.halo.linux.api.VrrpSocketOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real keepalived 2.2.7 (a child of the test, in its own namespace) sends adverts; a Halo raw socket in
 * the peer namespace must receive them whole: VRRPv2 over IPv4 and VRRPv3 over IPv6, TTL 255, the
 * checksum valid over exactly the payload we hand out. Then adverts sent through our sockets with a
 * higher priority must make keepalived enter BACKUP without any complaint in its log.
 */
class KeepalivedInteropNetnsTest {
    static Netns a;
    static Netns b;
    static Linux lb;
    static Path dir;
    static Process keepalived;

    static final String CONF = """
            global_defs {
              router_id halo_interop
            }
            vrrp_instance V4 {
              state MASTER
              interface hia
              virtual_router_id 61
              priority 150
              advert_int 1
              virtual_ipaddress {
                10.63.0.100/32
              }
            }
            vrrp_instance V6 {
              state MASTER
              interface hia
              virtual_router_id 62
              priority 150
              advert_int 1
              virtual_ipaddress {
                fd00:63::100/128
              }
            }
            """;

    @BeforeAll
    static void setUp() throws Exception {
        Netns.requireRoot();
        boolean haveKeepalived = Files.isExecutable(Path.of("/usr/sbin/keepalived"));
        if ("true".equals(System.getenv("CI"))) {
            assertEquals(true, haveKeepalived, "CI must have keepalived installed");
        }
        assumeTrue(haveKeepalived, "keepalived not installed");
        a = Netns.create("a");
        b = Netns.create("b");
        Netns.veth(a, "hia", b, "hib");
        a.ip("addr", "add", "10.63.0.1/24", "dev", "hia");
        b.ip("addr", "add", "10.63.0.2/24", "dev", "hib");
        a.ip("link", "set", "hia", "up");
        b.ip("link", "set", "hib", "up");
        lb = b.call(Linux::open);
        dir = Files.createTempDirectory("halo-kalv");
        Files.writeString(dir.resolve("keepalived.conf"), CONF);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (keepalived != null) {
            keepalived.destroy(); // SIGTERM: keepalived stops its VRRP child and exits
            if (!keepalived.waitFor(10, TimeUnit.SECONDS)) {
                keepalived.descendants().forEach(ProcessHandle::destroyForcibly);
                keepalived.destroyForcibly().waitFor();
            }
        }
        if (lb != null) {
            lb.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void exchangesAdvertsWithKeepalived() throws Exception {
        BlockingQueue<ReceivedPacket> v4 = new LinkedBlockingQueue<>();
        BlockingQueue<ReceivedPacket> v6 = new LinkedBlockingQueue<>();
        StringBuffer log = new StringBuffer();
        try (VrrpSocket s4 = b.call(() -> lb.vrrpSockets().open(VrrpSocketOptions.multicast(false, "hib"), v4::add));
                VrrpSocket s6 = b.call(() -> lb.vrrpSockets().open(VrrpSocketOptions.multicast(true, "hib"), v6::add))) {
            keepalived = a.start("/usr/sbin/keepalived", "-n", "-l", "-D", "-f", dir.resolve("keepalived.conf").toString(),
                    "-p", dir.resolve("k.pid").toString(), "-r", dir.resolve("v.pid").toString(),
                    "-c", dir.resolve("c.pid").toString());
            Thread drain = new Thread(() -> {
                try (var r = keepalived.inputReader()) {
                    r.lines().forEach(l -> log.append(l).append('\n'));
                } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                    // the process ended
                }
            }, "keepalived-log");
            drain.setDaemon(true);
            drain.start();

            ReceivedPacket p4 = awaitVrid(v4, 61);
            assertNotNull(p4, "no VRRPv2 advert from keepalived; its log:\n" + log);
            assertEquals(0x21, p4.payload()[0] & 0xff, "version 2, type advertisement");
            assertEquals(150, p4.payload()[2] & 0xff);
            assertEquals(255, p4.ttl());
            assertEquals(InetAddress.getByName("10.63.0.1"), p4.source());
            assertEquals(InetAddress.getByName("224.0.0.18"), p4.destination());
            assertEquals(s4.ifindex(), p4.ifindex());
            assertEquals(0, checksum(new byte[0], p4.payload()), "VRRPv2 checksum over the payload");

            ReceivedPacket p6 = awaitVrid(v6, 62);
            assertNotNull(p6, "no VRRPv3 IPv6 advert from keepalived; its log:\n" + log);
            assertEquals(0x31, p6.payload()[0] & 0xff, "version 3, type advertisement");
            assertEquals(255, p6.ttl());
            assertEquals(InetAddress.getByName("ff02::12"), p6.destination());
            assertEquals(s6.ifindex(), p6.ifindex());
            // RFC 5798 5.2.8: the checksum covers the IPv6 pseudo-header, so source and destination must be right
            assertEquals(0, checksum(pseudoHeader(p6), p6.payload()), "VRRPv3 checksum with pseudo-header");

            // The other direction: keepalived must accept our adverts. Higher priority makes it back off.
            byte[] adv4 = {0x21, 61, (byte) 200, 1, 0, 1, 0, 0, 10, 63, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0};
            int c = checksum(new byte[0], adv4);
            adv4[6] = (byte) (c >> 8);
            adv4[7] = (byte) c;
            byte[] adv6 = new byte[24];
            adv6[0] = 0x31;
            adv6[1] = 62;
            adv6[2] = (byte) 200;
            adv6[3] = 1;
            adv6[5] = 100; // max advert interval 100 centiseconds
            System.arraycopy(InetAddress.getByName("fd00:63::100").getAddress(), 0, adv6, 8, 16);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !(log.toString().contains("(V4) Entering BACKUP STATE")
                    && log.toString().contains("(V6) Entering BACKUP STATE"))) {
                assertEquals(1, s4.send(adv4));
                assertEquals(1, s6.send(adv6));
                Thread.sleep(200);
            }
            String text = log.toString();
            assertTrue(text.contains("(V4) Entering BACKUP STATE"), "keepalived ignored our IPv4 advert:\n" + text);
            assertTrue(text.contains("(V6) Entering BACKUP STATE"), "keepalived ignored our IPv6 advert:\n" + text);
            for (String complaint : new String[] {"invalid", "bad ", "wrong", "TTL", "checksum"}) {
                assertFalse(text.contains(complaint), "keepalived complained (" + complaint + "):\n" + text);
            }
        }
    }

    static ReceivedPacket awaitVrid(BlockingQueue<ReceivedPacket> q, int vrid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ReceivedPacket p = q.poll(200, TimeUnit.MILLISECONDS);
            if (p != null && p.payload().length > 1 && (p.payload()[1] & 0xff) == vrid) {
                return p;
            }
        }
        return null;
    }

    static byte[] pseudoHeader(ReceivedPacket p) {
        return java.nio.ByteBuffer.allocate(40).put(p.source().getAddress()).put(p.destination().getAddress())
                .putInt(p.payload().length).put(new byte[3]).put((byte) 112).array();
    }

    /** One's complement sum; 0 means the embedded checksum is right. */
    static int checksum(byte[] pseudo, byte[] data) {
        long sum = 0;
        for (byte[] part : new byte[][] {pseudo, data}) {
            for (int i = 0; i < part.length; i += 2) {
                sum += ((part[i] & 0xff) << 8) | (i + 1 < part.length ? part[i + 1] & 0xff : 0);
            }
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
