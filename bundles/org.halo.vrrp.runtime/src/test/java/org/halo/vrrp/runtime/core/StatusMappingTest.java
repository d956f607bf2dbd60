package org.halo.vrrp.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.halo.status.api.FaultCounts;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.Peer;
import org.halo.status.api.Track;
import org.halo.vrrp.engine.Counters;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.InstanceSnapshot;
import org.halo.vrrp.engine.TrackConfig;
import org.halo.vrrp.engine.UnicastPeer;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.engine.VrrpState;
import org.junit.jupiter.api.Test;

class StatusMappingTest {
    private static final Counters SOME = new Counters(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void ipv6AddressesAreWrittenAsInetNtopDoes() throws Exception {
        assertEquals("fe80::77:ff:fe00:11", StatusMapping.addr(ip("fe80:0:0:0:77:ff:fe00:11")));
        assertEquals("fd77::100", StatusMapping.addr(ip("fd77::100")));
        assertEquals("::1", StatusMapping.addr(ip("::1")));
        assertEquals("2001:db8::1:0:0:1", StatusMapping.addr(ip("2001:db8:0:0:1:0:0:1")), "the first of two equal zero runs");
        assertEquals("2001:db8:0:1:1:1:1:1", StatusMapping.addr(ip("2001:db8:0:1:1:1:1:1")), "a single zero group stays");
        assertEquals("fe80::1", StatusMapping.addr(ip("fe80::1%1")), "no zone");
        assertEquals("10.77.0.11", StatusMapping.addr(ip("10.77.0.11")));
    }

    @Test
    void backupV3UnicastWithTracking() throws Exception {
        InstanceConfig c = InstanceConfig.builder("VI_U", 53, "eth0", ip("10.77.0.12")).priority(100).version(3).unicastPeer(UnicastPeer.of(ip("10.77.0.11")))
                .virtualAddress(VirtualAddress.of(ip("10.77.0.101"), 24)).track(new TrackConfig(TrackConfig.Kind.INTERFACE, "eth1", -10, false))
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "chk_up", -20, false)).nopreempt(true).build();
        InstanceSnapshot s = new InstanceSnapshot("VI_U", null, VrrpState.BACKUP, 100, 100, ip("10.77.0.11"), 150, 1000, 1000,
                c.virtualAddresses(), false, SOME, 1_000_000_000L);
        InstanceStatus st = StatusMapping.toStatus(s, c, 3_000_000_000L, 1795474702.0);
        assertEquals(1795474700.0, st.lastTransitionEpochSec(), 1e-6, "two seconds before now");
        assertEquals(3_609_375, st.masterDownMicros(), "keepalived's 3 * 1 s + (256 - 100) / 256 s");
        assertEquals(List.of(new Peer("10.77.0.11", 0, 255)), st.peers());
        assertEquals(List.of(new Track("interface", "eth1", -10, false), new Track("script", "chk_up", -20, false)), st.tracks());
        assertEquals(List.of("10.77.0.101/24 dev eth0 scope global"), st.vips());
        assertEquals(150, st.masterPriority());
        assertEquals("10.77.0.11", st.masterAddress());
        assertTrue(st.accept(), "accept is on unless strict");
        assertFalse(st.lowerPrioNoAdvert());
        assertEquals("no", st.unicastChecksumCompat());
        assertEquals(5, st.counters().advertRcvd());
    }

    /** A BACKUP that wants MASTER (a sync group holds it back) and a FAULT with a failed and an unreported script. */
    @Test
    void wantstateAndFaultCountersComeFromTheSnapshot() throws Exception {
        InstanceConfig c = InstanceConfig.builder("VI_1", 51, "eth0", ip("10.77.0.11")).priority(100).build();
        InstanceSnapshot waiting = new InstanceSnapshot("VI_1", "G1", VrrpState.BACKUP, 100, 100, null, 0, 1000, 1000, List.of(), false, SOME, 0,
                VrrpState.MASTER, 0, 0);
        InstanceStatus st = StatusMapping.toStatus(waiting, c, 0, 1.0);
        assertEquals("BACKUP", st.state());
        assertEquals("MASTER", st.wantState());
        InstanceSnapshot fault = new InstanceSnapshot("VI_1", null, VrrpState.FAULT, 100, 100, null, 0, 1000, 1000, List.of(), false, SOME, 0,
                VrrpState.FAULT, 2, 1);
        assertEquals(new FaultCounts(0, 2, 1), StatusMapping.toStatus(fault, c, 0, 1.0).faultCounts());
    }

    @Test
    void strictModeDefaultsAndIpv6Vips() throws Exception {
        InstanceConfig c = InstanceConfig.builder("VI_6", 52, "eth0", ip("fe80::77:ff:fe00:11")).priority(150).version(3).advertIntervalMillis(100)
                .strict(true).virtualAddress(VirtualAddress.of(ip("fd77::100"), 64)).build();
        InstanceSnapshot s = new InstanceSnapshot("VI_6", "G1", VrrpState.MASTER, 150, 150, ip("fe80::77:ff:fe00:11"), 150, 100, 100,
                c.virtualAddresses(), true, SOME, 0);
        InstanceStatus st = StatusMapping.toStatus(s, c, 0, 1.0);
        assertEquals(List.of("fd77::100/64 dev eth0 scope global preferred_lft forever"), st.vips());
        assertEquals(0, st.masterPriority(), "keepalived shows 0 as the master priority of a master");
        assertEquals(341_406, st.masterDownMicros());
        assertTrue(st.strict());
        assertTrue(st.lowerPrioNoAdvert(), "strict mode turns lower_prio_no_advert on");
        assertTrue(st.higherPrioSendAdvert(), "strict mode turns higher_prio_send_advert on");
        assertFalse(st.accept(), "strict mode turns accept off");
        assertEquals("G1", st.syncGroup());
        assertEquals("fe80::77:ff:fe00:11", st.sourceAddress());
    }

    @Test
    void statsClearKeepsEveryOtherField() throws Exception {
        InstanceConfig c = InstanceConfig.builder("VI_U", 53, "eth0", ip("10.77.0.12")).unicastPeer(UnicastPeer.of(ip("10.77.0.11")))
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "chk_up", -20, false)).build();
        InstanceSnapshot s = new InstanceSnapshot("VI_U", null, VrrpState.BACKUP, 100, 100, null, 0, 1000, 1000, List.of(), false, SOME, 0);
        InstanceStatus st = StatusMapping.toStatus(s, c, 0, 1.0);
        InstanceStatus cleared = Baselines.subtract(st, st.counters());
        assertEquals(0, cleared.counters().advertRcvd());
        assertEquals(st.withCounters(cleared.counters()), cleared);
        assertEquals(st.tracks(), cleared.tracks());
        assertEquals(st.peers(), cleared.peers());
    }
}
