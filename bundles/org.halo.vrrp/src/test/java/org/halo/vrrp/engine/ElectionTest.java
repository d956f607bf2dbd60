package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.MS;
import static org.halo.vrrp.engine.Harness.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Priority comparisons, the owner, tie-break, priority-0 and the keepalived-specific backup behaviour. */
class ElectionTest {

    static Harness master(InstanceConfig c) {
        Harness h = new Harness().start(c);
        h.advanceMillis(4000);
        assertEquals(VrrpState.MASTER, h.state(c.name()));
        return h;
    }

    @Test
    void ownerWithPriority255BecomesMasterAtOnce() {
        Harness h = new Harness().start(cfg("VI_1", 255).build());
        h.assertLog("(VI_1) Entering MASTER STATE");
        h.assertNoLog("(VI_1) Entering BACKUP STATE (init)");
        assertEquals(VrrpState.MASTER, h.state("VI_1"));
        assertEquals(0, h.loop.nanoTime());
    }

    @Test
    void masterYieldsToHigherPriority() {
        Harness h = master(cfg("VI_1", 100).build());
        h.receive(Harness.v2("10.0.0.2", 200));
        h.assertLog("(VI_1) Master received advert from 10.0.0.2 with higher priority 200, ours 100");
        h.assertLog("(VI_1) Entering BACKUP STATE");
        h.assertLog("(VI_1) removing VIPs.");
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
        assertEquals(1, h.counters("VI_1").releaseMaster());
        assertEquals(Harness.ip("10.0.0.2"), h.engine.snapshot("VI_1").orElseThrow().masterAddress());
        h.assertTransitions("VI_1", VrrpState.BACKUP, VrrpState.MASTER, VrrpState.BACKUP);
    }

    @Test
    void equalPriorityHigherAddressWins() {
        Harness h = master(cfg("VI_1", 100).build());
        h.receive(Harness.v2("10.0.0.2", 100));
        h.assertLog("(VI_1) Master received advert from 10.0.0.2 with same priority 100 but higher IP address than ours");
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
    }

    @Test
    void equalPriorityLowerAddressLoses() {
        Harness h = master(cfg("VI_1", 100).build());
        int before = h.sent.size();
        h.receive(Harness.v2("10.0.0.0", 100));
        h.assertLog("(VI_1) Received advert from 10.0.0.0 with lower priority 100, ours 100, forcing new election");
        assertEquals(VrrpState.MASTER, h.state("VI_1"));
        assertEquals(before + 1, h.sent.size(), "forcing new election sends an advert at once");
    }

    @Test
    void shutdownSendsPriorityZero() throws Exception {
        Harness h = master(cfg("VI_1", 100).build());
        h.engine.shutdown();
        h.loop.runPending();
        h.assertLog("(VI_1) sent 0 priority");
        h.assertLog("(VI_1) removing VIPs.");
        assertEquals(0, (int) h.sentPriorities().get(h.sent.size() - 1));
        assertEquals(1, h.counters("VI_1").priZeroSent());
        assertEquals(VrrpState.STOP, h.state("VI_1"));
    }

    @Test
    void advertsAreByteIdenticalToKeepalived() throws Exception {
        List<byte[]> golden = org.halo.vrrp.packet.GoldenPacketTest.load("v2_shutdown_prio0");
        InstanceConfig c = InstanceConfig.builder("VI_1", 51, "eth0", Harness.ip("10.77.0.1")).priority(150)
                .virtualAddress(VirtualAddress.of(Harness.ip("10.77.0.100"), 24)).build();
        Harness h = master(c);
        h.engine.shutdown();
        h.loop.runPending();
        byte[] regular = h.sent.get(0).vrrpMessage();
        byte[] prio0 = h.sent.get(h.sent.size() - 1).vrrpMessage();
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(golden.get(0), 20, 40), regular);
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(golden.get(1), 20, 40), prio0);
    }

    @Test
    void v2PassV3Ipv4AndV3Ipv6AdvertsAreByteIdenticalToKeepalived() throws Exception {
        InstanceConfig pass = InstanceConfig.builder("VI_1", 51, "eth0", Harness.ip("10.77.0.1")).priority(150)
                .virtualAddress(VirtualAddress.of(Harness.ip("10.77.0.100"), 24))
                .virtualAddress(VirtualAddress.of(Harness.ip("10.77.0.101"), 24))
                .auth(org.halo.vrrp.packet.AuthType.PASS, "secret12".getBytes()).build();
        InstanceConfig v3 = InstanceConfig.builder("VI_1", 51, "eth0", Harness.ip("10.77.0.1")).priority(150)
                .version(3).advertIntervalMillis(500).virtualAddress(VirtualAddress.of(Harness.ip("10.77.0.100"), 24))
                .virtualAddress(VirtualAddress.of(Harness.ip("10.77.0.102"), 24)).build();
        InstanceConfig v6 = InstanceConfig.builder("VI_1", 52, "eth0", Harness.ip("fe80::ff:fe00:a")).priority(150)
                .version(3).virtualAddress(VirtualAddress.of(Harness.ip("fd77::100"), 64))
                .virtualAddress(VirtualAddress.of(Harness.ip("fe80::100"), 64)).build();
        Object[][] cases = {{pass, "v2_pass", 20}, {v3, "v3_ipv4", 20}, {v6, "v3_ipv6", 40}};
        for (Object[] k : cases) {
            byte[] g = org.halo.vrrp.packet.GoldenPacketTest.load((String) k[1]).get(0);
            Harness h = new Harness().start((InstanceConfig) k[0]);
            h.advanceMillis(5000);
            org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(g, (int) k[2], g.length),
                    h.sent.get(0).vrrpMessage(), (String) k[1]);
        }
    }

    @Test
    void backupTakesOverAfterSkewOnlyOnPriorityZero() {
        Harness h = new Harness().start(cfg("VI_1", 100).build());
        h.advanceMillis(1000);
        h.receive(Harness.v2("10.0.0.2", 200));
        h.receive(Harness.v2("10.0.0.2", 0));
        h.assertLog("(VI_1) Backup received priority 0 advertisement");
        assertEquals(1, h.counters("VI_1").priZeroRcvd());
        TimersTest.assertTakeoverAt(h, 1_000 * MS + 609_375_000L);
    }

    @Test
    void masterAnswersPriorityZeroWithAnAdvert() {
        Harness h = master(cfg("VI_1", 100).build());
        int before = h.sent.size();
        h.receive(Harness.v2("10.0.0.2", 0));
        h.assertLog("(VI_1) Master received priority 0 message");
        assertEquals(before + 1, h.sent.size());
        assertEquals(VrrpState.MASTER, h.state("VI_1"));
    }

    @Test
    void backupDiscardsLowerPriorityMasterAndWaitsForItsOwnTimer() {
        Harness h = new Harness().start(cfg("VI_1", 200).build());
        // a lower-priority master keeps advertising every second
        for (int i = 1; i <= 3; i++) {
            h.loop.runUntil(i * 1000 * MS);
            if (h.state("VI_1") == VrrpState.BACKUP) {
                h.receive(Harness.v2("10.0.0.2", 100));
            }
        }
        h.assertLog("(VI_1) received lower priority (100) advert from 10.0.0.2 - discarding");
        // discarded adverts do not restart the timer: takeover exactly at 3 s + (256-200)/256 s from start
        h.loop.runUntil(3_000 * MS + 218_750_000L - 1);
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
        h.loop.runUntil(3_000 * MS + 218_750_000L);
        assertEquals(VrrpState.MASTER, h.state("VI_1"));
    }

    @Test
    void nopreemptBackupStaysBackup() {
        Harness h = new Harness().start(cfg("VI_1", 200).nopreempt(true).build());
        for (int i = 1; i <= 30; i++) {
            h.advanceMillis(1000);
            h.receive(Harness.v2("10.0.0.2", 100));
        }
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
        h.assertNoLog("(VI_1) received lower priority (100) advert from 10.0.0.2 - discarding");
    }

    @Test
    void preemptDelayHoldsOffThenPreempts() {
        Harness h = new Harness().start(cfg("VI_1", 200).preemptDelayMillis(10_000).build());
        long takeover = -1;
        for (int i = 1; i <= 20 && takeover < 0; i++) {
            h.loop.runUntil(i * 1000 * MS);
            if (h.state("VI_1") == VrrpState.MASTER) {
                takeover = h.engine.snapshot("VI_1").orElseThrow().lastTransitionNanos();
                break;
            }
            h.receive(Harness.v2("10.0.0.2", 100));
        }
        h.assertLog("(VI_1) start preempt delay (10.000000)");
        h.assertLog("(VI_1) received lower priority (100) advert from 10.0.0.2 - discarding");
        // delay armed at 1 s, expires at 11 s; the advert at 11 s is the first one discarded, the one at 10 s
        // was the last accepted: takeover at 10 s + 3 s + skew
        assertEquals(13_000 * MS + 218_750_000L, takeover);
    }

    @Test
    void lowerPrioNoAdvertSuppressesTheElectionAdvert() {
        Harness h = master(cfg("VI_1", 100).lowerPrioNoAdvert(true).build());
        int before = h.sent.size();
        h.receive(Harness.v2("10.0.0.2", 50));
        h.assertLog("(VI_1) Received advert from 10.0.0.2 with lower priority 50, ours 100");
        assertEquals(before, h.sent.size());
    }

    @Test
    void higherPrioSendAdvertSendsBeforeYielding() {
        Harness h = master(cfg("VI_1", 100).higherPrioSendAdvert(true).build());
        int before = h.sent.size();
        h.receive(Harness.v2("10.0.0.2", 200));
        assertEquals(before + 1, h.sent.size());
        assertEquals(100, (int) h.sentPriorities().get(before));
        h.assertLog("(VI_1) Entering BACKUP STATE");
    }

    @Test
    void twoOwnersReduceLocalPriority() {
        Harness h = new Harness().start(cfg("VI_1", 255).build());
        h.receive(Harness.v2("10.0.0.0", 255));
        h.assertLog("(VI_1) CONFIGURATION ERROR: local instance and a remote instance are both configured as address"
                + " owner, please fix - reducing local priority");
        assertEquals(254, h.engine.snapshot("VI_1").orElseThrow().effectivePriority());
    }

    @Test
    void acceptModeIsPassedWithTheAddresses() {
        Harness h = master(cfg("VI_1", 100).build());
        assertTrue(h.ops.stream().anyMatch(o -> o.startsWith("add VI_1 1 accept=true")), h.ops.toString());
        Harness s = master(cfg("VI_1", 100).accept(false).build());
        assertTrue(s.ops.stream().anyMatch(o -> o.startsWith("add VI_1 1 accept=false")), s.ops.toString());
    }

    @Test
    void unicastAdvertsGoToEveryPeerWithTheirTtl() {
        Harness h = master(cfg("VI_1", 100).unicastPeer(UnicastPeer.of(Harness.ip("10.0.0.2")))
                .unicastPeer(UnicastPeer.of(Harness.ip("10.0.0.3"))).unicastTtl(64).build());
        List<OutboundAdvert> first = h.sent.subList(0, 2);
        assertEquals(Harness.ip("10.0.0.2"), first.get(0).destination());
        assertEquals(Harness.ip("10.0.0.3"), first.get(1).destination());
        assertEquals(64, first.get(0).ttl());
        assertEquals(1, h.counters("VI_1").advertSent());
    }

    /** repeatClaim: the answer to another master's lower-priority claim goes out twice, 5 ms apart (1 s adverts). */
    @Test
    void answerToALowerPriorityMasterIsRepeatedOnce() {
        Harness h = master(cfg("VI_1", 150).build());
        h.advanceMillis(500); // between two regular adverts
        int before = h.sent.size();
        h.receive(Harness.v2("10.0.0.2", 100));
        assertEquals(before + 1, h.sent.size(), "answered at once");
        h.advanceMillis(4);
        assertEquals(before + 1, h.sent.size());
        h.advanceMillis(1);
        assertEquals(before + 2, h.sent.size(), "repeated 5 ms later");
        h.advanceMillis(400);
        assertEquals(before + 2, h.sent.size(), "once only, until the next regular advert");
    }

    @Test
    void firstAdvertAsMasterIsRepeatedUnlessMastershipEndedMeanwhile() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).advertIntervalMillis(100).build());
        long down = 300 * MS + 60_937_000L; // 3 x 100 ms + (256-100) x 10 cs x 625/16 us, in whole us
        h.loop.runUntil(down);
        assertEquals(VrrpState.MASTER, h.state("VI_1"));
        assertEquals(1, h.sent.size());
        h.loop.runUntil(down + 5 * MS - 1);
        assertEquals(1, h.sent.size(), "a quarter interval is 25 ms: the 5 ms cap applies");
        h.loop.runUntil(down + 5 * MS);
        assertEquals(2, h.sent.size(), "repeated after 5 ms");

        Harness g = new Harness().start(cfg("VI_1", 100).version(3).advertIntervalMillis(100).build());
        g.loop.runUntil(down);
        g.receive(Harness.v3("10.0.0.2", 200, 10)); // the real master answers within the 5 ms
        assertEquals(VrrpState.BACKUP, g.state("VI_1"));
        int sent = g.sent.size();
        g.loop.runUntil(down + 50 * MS);
        assertEquals(sent, g.sent.size(), "no repeat once BACKUP again");
    }
}
