package org.halo.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.halo.linux.api.ReceivedPacket;
import org.halo.linux.api.SocketPoller;
import org.halo.linux.api.VrrpSocket;
import org.halo.linux.api.VrrpSocketOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two namespaces joined by a veth pair; a raw VRRP socket on each end exchanges adverts over IPv4 and
 * IPv6 multicast and unicast. The receiver must see TTL / hop limit 255, the sender's address, the
 * right destination and its own ifindex; the sender must not hear itself (multicast loop off).
 */
class VrrpSocketNetnsTest {
    static Netns a;
    static Netns b;
    static Linux la;
    static Linux lb;

    @BeforeAll
    static void setUp() throws Exception {
        Netns.requireRoot();
        a = Netns.create("a");
        b = Netns.create("b");
        Netns.veth(a, "hva", b, "hvb");
        a.ip("link", "set", "hva", "address", "02:00:00:00:01:0a");
        a.ip("addr", "add", "10.61.0.1/24", "dev", "hva");
        a.ip("addr", "add", "10.61.0.11/24", "dev", "hva");
        b.ip("addr", "add", "10.61.0.2/24", "dev", "hvb");
        a.ip("addr", "add", "fd00:61::1/64", "dev", "hva", "nodad");
        b.ip("addr", "add", "fd00:61::2/64", "dev", "hvb", "nodad");
        a.ip("link", "set", "hva", "up");
        b.ip("link", "set", "hvb", "up");
        // the IPv6 adverts go from the link-local address, usable once its duplicate address detection ended
        awaitNoTentativeAddress(a, "hva");
        awaitNoTentativeAddress(b, "hvb");
        la = a.call(Linux::open);
        lb = b.call(Linux::open);
    }

    static void awaitNoTentativeAddress(Netns ns, String device) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ns.ip("-6", "addr", "show", "dev", device, "tentative").isBlank()
                || !ns.ip("-6", "addr", "show", "dev", device, "scope", "link").contains("fe80")) {
            assertTrue(System.nanoTime() < end, device + " still has a tentative IPv6 address");
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void tearDown() {
        if (la != null) {
            la.close();
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
    }

    static byte[] advert(int vrid, int version) {
        // A VRRP-shaped payload: version/type, VRID, priority, count, auth/rsvd+interval, checksum, one address
        return new byte[] {(byte) (version << 4 | 1), (byte) vrid, 100, 1, 0, 100, 0, 0,
                10, 61, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    }

    private void exchange(VrrpSocketOptions oa, VrrpSocketOptions ob, InetAddress expectedDst) throws Exception {
        BlockingQueue<ReceivedPacket> atA = new LinkedBlockingQueue<>();
        BlockingQueue<ReceivedPacket> atB = new LinkedBlockingQueue<>();
        try (VrrpSocket sa = a.call(() -> la.vrrpSockets().open(oa, atA::add));
                VrrpSocket sb = b.call(() -> lb.vrrpSockets().open(ob, atB::add))) {
            byte[] payload = advert(51, oa.ipv6() ? 3 : 2);
            // from the test thread: sending needs no namespace, the socket carries it
            assertEquals(1, sa.send(payload));
            ReceivedPacket p = atB.poll(5, TimeUnit.SECONDS);
            assertNotNull(p, "advert not received");
            if (oa.ipv6()) {
                // the kernel filled the checksum (IPV6_CHECKSUM); the rest is ours
                payload[6] = p.payload()[6];
                payload[7] = p.payload()[7];
            }
            assertArrayEquals(payload, p.payload());
            assertEquals(255, p.ttl());
            assertEquals(sa.sourceAddress(), p.source());
            assertEquals(expectedDst, p.destination());
            assertEquals(sb.ifindex(), p.ifindex());
            assertNull(atA.poll(300, TimeUnit.MILLISECONDS), "sender received its own advert");

            // and the other way round
            assertEquals(1, sb.send(advert(51, oa.ipv6() ? 3 : 2)));
            ReceivedPacket back = atA.poll(5, TimeUnit.SECONDS);
            assertNotNull(back);
            assertEquals(sb.sourceAddress(), back.source());
            assertEquals(255, back.ttl());
        }
    }

    @Test
    void ipv4Multicast() throws Exception {
        exchange(VrrpSocketOptions.multicast(false, "hva"), VrrpSocketOptions.multicast(false, "hvb"),
                InetAddress.getByName("224.0.0.18"));
    }

    /** tcpdump as an independent observer: the IPv4 header looks like keepalived's. */
    @Test
    void ipv4HeaderOnTheWireLikeKeepalived() throws Exception {
        Process tcpdump = b.start("tcpdump", "-i", "hvb", "-nn", "-v", "-l", "-c", "1", "ip proto 112");
        try (VrrpSocket sa = a.call(() -> la.vrrpSockets().open(VrrpSocketOptions.multicast(false, "hva"), p -> { }))) {
            StringBuilder out = new StringBuilder();
            var in = tcpdump.getInputStream();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !out.toString().contains("listening on")) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                out.append((char) c);
            }
            sa.send(advert(51, 2));
            assertTrue(tcpdump.waitFor(10, TimeUnit.SECONDS), "tcpdump saw nothing: " + out);
            out.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            // keepalived 2.2.7: "IP (tos 0xc0, ttl 255, id 1, offset 0, flags [none], proto VRRP (112), length 40)"
            assertTrue(out.toString().contains("tos 0xc0, ttl 255"), out.toString());
            assertTrue(out.toString().contains("flags [none], proto VRRP (112)"), out.toString());
            assertTrue(out.toString().contains("10.61.0.1 > 224.0.0.18"), out.toString());
        } finally {
            tcpdump.destroy();
            if (!tcpdump.waitFor(5, TimeUnit.SECONDS)) {
                tcpdump.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void ipv6Multicast() throws Exception {
        exchange(VrrpSocketOptions.multicast(true, "hva"), VrrpSocketOptions.multicast(true, "hvb"),
                InetAddress.getByName("ff02::12"));
    }

    @Test
    void ipv4UnicastWithSourceAddress() throws Exception {
        // unicast_src_ip is the secondary address, so the kernel's default choice would be wrong
        InetAddress src = InetAddress.getByName("10.61.0.11");
        InetAddress peerB = InetAddress.getByName("10.61.0.2");
        VrrpSocketOptions oa = new VrrpSocketOptions(false, "hva", src, List.of(peerB));
        VrrpSocketOptions ob = new VrrpSocketOptions(false, "hvb", peerB, List.of(src));
        exchange(oa, ob, peerB);
    }

    @Test
    void ipv6UnicastWithSourceAddress() throws Exception {
        InetAddress src = InetAddress.getByName("fd00:61::1");
        InetAddress peerB = InetAddress.getByName("fd00:61::2");
        exchange(new VrrpSocketOptions(true, "hva", src, List.of(peerB)),
                new VrrpSocketOptions(true, "hvb", peerB, List.of(src)), peerB);
    }

    @Test
    void defaultSourceIsPrimaryIpv4AndLinkLocalIpv6() throws Exception {
        try (VrrpSocket s4 = a.call(() -> la.vrrpSockets().open(VrrpSocketOptions.multicast(false, "hva"), p -> { }));
                VrrpSocket s6 = a.call(() -> la.vrrpSockets().open(VrrpSocketOptions.multicast(true, "hva"), p -> { }))) {
            assertEquals(InetAddress.getByName("10.61.0.1"), s4.sourceAddress());
            assertTrue(s6.sourceAddress().isLinkLocalAddress(), "IPv6 source " + s6.sourceAddress());
        }
    }

    @Test
    void closeStopsTheReceiveThread() throws Exception {
        VrrpSocket s = a.call(() -> la.vrrpSockets().open(VrrpSocketOptions.multicast(false, "hva"), p -> { }));
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("vrrp-rx-hva")));
        long t0 = System.nanoTime();
        s.close();
        long micros = (System.nanoTime() - t0) / 1000;
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("vrrp-rx-hva")),
                "receive thread still running after close()");
        assertEquals(0, s.send(advert(51, 2)), "a closed socket sends nothing");
        System.out.printf("VrrpSocket.close(): %d us%n", micros);
    }

    /**
     * A socket opened on a poller has no receive thread: the thread polling reads its packets and runs the
     * consumer; once closed, nothing reaches the consumer although the peer keeps sending.
     */
    @Test
    void polledSocketIsReadByThePollingThread() throws Exception {
        BlockingQueue<String> readers = new LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (SocketPoller poller = lb.vrrpSockets().newPoller();
                VrrpSocket sa = a.call(() -> la.vrrpSockets().open(VrrpSocketOptions.multicast(false, "hva"), p -> { }))) {
            Thread pollingThread = new Thread(() -> {
                while (polling.get()) {
                    poller.poll(-1);
                }
            }, "test-poller");
            pollingThread.start();
            VrrpSocket sb = b.call(() -> lb.vrrpSockets().open(VrrpSocketOptions.multicast(false, "hvb"),
                    p -> readers.add(Thread.currentThread().getName() + " " + (p.payload()[1] & 0xff)), poller));
            try {
                assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("vrrp-rx-hvb")),
                        "a polled socket started a receive thread");
                assertEquals(1, sa.send(advert(52, 2)));
                assertEquals("test-poller 52", readers.poll(5, TimeUnit.SECONDS));
            } finally {
                sb.close();
            }
            assertEquals(1, sa.send(advert(53, 2)));
            assertNull(readers.poll(300, TimeUnit.MILLISECONDS), "a closed socket's consumer was called");
            // a poll with a timeout and nothing to read returns after it
            polling.set(false);
            poller.wake();
            pollingThread.join(5000);
            assertFalse(pollingThread.isAlive(), "wake() did not end a poll without timeout");
            poller.poll(0); // a doorbell rung after the thread's last poll
            long t0 = System.nanoTime();
            poller.poll(TimeUnit.MILLISECONDS.toNanos(30));
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(29), "poll returned before its timeout");
        }
    }

    /** Prints (does not assert) one-way delivery latency and throughput of multicast adverts. */
    @Test
    void measureDelivery() throws Exception {
        int n = 2000;
        BlockingQueue<ReceivedPacket> atB = new LinkedBlockingQueue<>();
        try (VrrpSocket sa = a.call(() -> la.vrrpSockets().open(VrrpSocketOptions.multicast(false, "hva"), p -> { }));
                VrrpSocket sb = b.call(() -> lb.vrrpSockets().open(VrrpSocketOptions.multicast(false, "hvb"),
                        atB::add))) {
            byte[] payload = advert(52, 3);
            long worst = 0;
            long total = 0;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                sa.send(payload);
                assertNotNull(atB.poll(2, TimeUnit.SECONDS));
                long dt = System.nanoTime() - t0;
                total += dt;
                worst = Math.max(worst, dt);
            }
            System.out.printf("VRRP raw socket send->receive over veth: n=%d mean=%.1f us worst=%.1f us%n", n,
                    total / 1e3 / n, worst / 1e3);
            assertEquals(0, atB.size());
        }
    }
}
