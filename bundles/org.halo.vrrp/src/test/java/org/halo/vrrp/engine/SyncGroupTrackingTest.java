package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sync groups, tracking with weights/reverse/clamping, FAULT entry and exit. */
class SyncGroupTrackingTest {

    static Harness group() {
        InstanceConfig a = cfg("VI_1", 100).build();
        InstanceConfig b = InstanceConfig.builder("VI_2", 52, "eth1", Harness.ip("10.1.0.1")).priority(100)
                .virtualAddress(VirtualAddress.of(Harness.ip("10.1.0.100"), 24)).build();
        return new Harness().start(List.of(a, b), List.of(new SyncGroupConfig("G1", List.of("VI_1", "VI_2"), null)));
    }

    @Test
    void membersBecomeMasterTogether() {
        Harness h = group();
        h.advanceMillis(4000);
        h.assertLog("VRRP_Group(G1) Syncing instances to MASTER state");
        assertEquals(VrrpState.MASTER, h.state("VI_1"));
        assertEquals(VrrpState.MASTER, h.state("VI_2"));
    }

    @Test
    void memberWaitsWhileAnotherStillHearsAMaster() {
        Harness h = group();
        // VI_2 keeps hearing its master on eth1; VI_1's master is gone
        for (int i = 1; i <= 10; i++) {
            h.advanceMillis(1000);
            InboundPacket p = Harness.v2("10.1.0.2", 150);
            byte[] m = p.vrrpMessage();
            org.halo.vrrp.packet.VrrpAdvert a = org.halo.vrrp.packet.VrrpAdvert.v2(52, 150, 1,
                    org.halo.vrrp.packet.AuthType.NONE, null, List.of(Harness.ip("10.1.0.100")));
            h.receive(Harness.packet(a, "10.1.0.2", "224.0.0.18", 255).withInterface("eth1"));
        }
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
        assertEquals(VrrpState.BACKUP, h.state("VI_2"));
        h.assertLog("(VI_1) Receive advertisement timeout");
    }

    @Test
    void oneMemberYieldingTakesTheGroupToBackup() {
        Harness h = group();
        h.advanceMillis(4000);
        h.receive(Harness.v2("10.0.0.2", 200));
        h.assertLog("VRRP_Group(G1) Syncing instances to BACKUP state");
        assertEquals(VrrpState.BACKUP, h.state("VI_2"));
    }

    @Test
    void oneMemberFaultTakesTheGroupToFaultAndBack() {
        Harness h = group();
        h.advanceMillis(4000);
        h.engine.linkChanged("eth1", false);
        h.loop.runPending();
        h.assertLog("VRRP_Group(G1) Syncing instances to FAULT state");
        h.assertLog("(VI_1) Entering FAULT STATE");
        h.assertLog("(VI_2) Entering FAULT STATE");
        assertEquals(VrrpState.FAULT, h.state("VI_1"));
        h.engine.linkChanged("eth1", true);
        h.loop.runPending();
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
        assertEquals(VrrpState.BACKUP, h.state("VI_2"));
        h.advanceMillis(4000);
        assertEquals(VrrpState.MASTER, h.state("VI_2"));
    }

    @Test
    void scriptWeightChangesEffectivePriority() {
        Harness h = new Harness().start(cfg("VI_1", 100)
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "chk", -30, false)).build());
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "chk", false);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 100 to 70");
        assertEquals(70, h.engine.snapshot("VI_1").orElseThrow().effectivePriority());
        assertEquals(List.of("VI_1 100->70"), h.priorityChanges);
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "chk", true);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 70 to 100");
    }

    @Test
    void positiveWeightAddsWhileUpAndReverseNegatesTheWeight() {
        // keepalived 2.2.7 (run in a namespace with veth links): priority 100, "d1 weight 7 reverse" and
        // "d2 weight -10 reverse", both up: 93; d1 down: 100; d2 down: 110; d1 up again: 103.
        Harness h = new Harness().start(cfg("VI_1", 100)
                .track(new TrackConfig(TrackConfig.Kind.PROCESS, "nginx", 20, false))
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "plus", 7, true))
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "maint", -10, true)).build());
        // initial: nginx up (+20), plus up and reversed (-7), maint up (a negative weight applies only while down)
        assertEquals(113, h.engine.snapshot("VI_1").orElseThrow().effectivePriority());
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "plus", false);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 113 to 120");
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "maint", false);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 120 to 130");
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "plus", true);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 130 to 123");
    }

    @Test
    void effectivePriorityIsClampedTo1And254() {
        Harness h = new Harness().start(cfg("VI_1", 200)
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "up", 100, false))
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "down", -254, false)).build());
        assertEquals(254, h.engine.snapshot("VI_1").orElseThrow().effectivePriority());
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "down", false);
        h.loop.runPending();
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "up", false);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 254 to 46");
        h.assertLog("(VI_1) Changing effective priority from 46 to 1");
    }

    @Test
    void trackFileValueTimesWeight() {
        Harness h = new Harness().start(cfg("VI_1", 100)
                .track(new TrackConfig(TrackConfig.Kind.FILE, "/run/prio", 2, false)).build());
        h.engine.trackValue("/run/prio", -15);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 100 to 70");
    }

    @Test
    void zeroWeightFailureMeansFaultAndMasterReleases() {
        Harness h = new Harness().start(cfg("VI_1", 255)
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "chk", 0, false)).build());
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "chk", false);
        h.loop.runPending();
        h.assertLog("(VI_1) Entering FAULT STATE");
        h.assertLog("(VI_1) removing VIPs.");
        assertEquals(0, (int) h.sentPriorities().get(h.sent.size() - 1));
        assertEquals(VrrpState.FAULT, h.state("VI_1"));
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "chk", true);
        h.loop.runPending();
        h.assertLog("(VI_1) Entering BACKUP STATE");
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
    }

    @Test
    void interfaceDownAtStartIsFaultInit() {
        Harness h = new Harness();
        h.engine.linkChanged("eth0", false);
        h.start(cfg("VI_1", 100).build());
        h.assertLog("(VI_1) Entering FAULT STATE (init)");
        h.engine.linkChanged("eth0", true);
        h.loop.runPending();
        h.assertLog("(VI_1) Entering BACKUP STATE");
    }

    @Test
    void trackedInterfaceWithWeight() {
        Harness h = new Harness().start(cfg("VI_1", 100)
                .track(new TrackConfig(TrackConfig.Kind.INTERFACE, "eth9", -40, false)).build());
        h.engine.linkChanged("eth9", false);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 100 to 60");
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
    }

    @Test
    void reloadKeepsStateAndAppliesPriority() {
        Harness h = new Harness().start(cfg("VI_1", 100).build());
        h.advanceMillis(4000);
        h.engine.configure(List.of(cfg("VI_1", 120).build()), List.of());
        h.loop.runPending();
        assertEquals(VrrpState.MASTER, h.state("VI_1"));
        assertEquals(120, h.engine.snapshot("VI_1").orElseThrow().effectivePriority());
        h.engine.configure(List.of(), List.of());
        h.loop.runPending();
        h.assertLog("(VI_1) sent 0 priority");
        assertEquals(true, h.engine.snapshot("VI_1").isEmpty());
    }
}
