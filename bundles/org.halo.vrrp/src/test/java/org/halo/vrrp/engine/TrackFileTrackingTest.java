package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * track_file and track_process arithmetic and log lines as keepalived 2.2.7 prints them (checked against
 * keepalived 2.2.7 in a network namespace: weight 2, values 7, 0x10, -3, 0, -200, 3).
 */
class TrackFileTrackingTest {

    private static Harness withFile(int prio, int weight, boolean reverse) {
        return new Harness().start(cfg("VI_1", prio)
                .track(new TrackConfig(TrackConfig.Kind.FILE, "tf1", weight, reverse)).build());
    }

    private static void value(Harness h, long v) {
        h.engine.trackValue("tf1", v);
        h.loop.runPending();
    }

    @Test
    void valueTimesWeightThenBelowMinus253IsFaultAndBack() {
        Harness h = withFile(100, 2, false);
        value(h, 8);
        h.assertLog("(VI_1) Changing effective priority from 100 to 116");
        value(h, -200);
        h.assertLog("(VI_1): tracked file tf1 now FAULT state");
        h.assertLog("(VI_1) Entering FAULT STATE");
        assertEquals(VrrpState.FAULT, h.state("VI_1"));
        value(h, 3);
        h.assertLog("(VI_1): tracked file tf1 leaving FAULT state");
        h.assertLog("(VI_1) Entering BACKUP STATE");
        assertEquals(106, h.engine.snapshot("VI_1").orElseThrow().effectivePriority());
    }

    @Test
    void statusIsClampedTo253() {
        Harness h = withFile(1, 200, false);
        value(h, 2);
        h.assertLog("(VI_1) Changing effective priority from 1 to 254");
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
    }

    @Test
    void reverseNegatesTheValue() {
        Harness h = withFile(100, 5, true);
        value(h, 4);
        h.assertLog("(VI_1) Changing effective priority from 100 to 80");
    }

    @Test
    void weightZeroFaultsOnNonZeroAndWithReverseOnZero() {
        Harness h = withFile(100, 0, false);
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
        value(h, 1);
        h.assertLog("(VI_1): tracked file tf1 now FAULT state");
        assertEquals(VrrpState.FAULT, h.state("VI_1"));
        value(h, 0);
        h.assertLog("(VI_1): tracked file tf1 leaving FAULT state");
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));

        Harness r = withFile(100, 0, true);
        assertEquals(VrrpState.FAULT, r.state("VI_1"), "weight 0 reverse: a missing/zero file is FAULT");
        r.engine.trackValue("tf1", 5);
        r.loop.runPending();
        assertEquals(VrrpState.BACKUP, r.state("VI_1"));
    }

    @Test
    void addressOwnerPriorityIsNotChanged() {
        Harness h = withFile(255, 2, false);
        value(h, 10);
        assertEquals(255, h.engine.snapshot("VI_1").orElseThrow().effectivePriority());
        h.assertNoLog("(VI_1) Changing effective priority from 255 to 254");
    }

    @Test
    void processQuorumChangesAreLoggedOnceAndMoveThePriority() {
        Harness h = new Harness().start(cfg("VI_1", 100)
                .track(new TrackConfig(TrackConfig.Kind.PROCESS, "tp1", 10, false)).build());
        h.engine.trackStatus(TrackConfig.Kind.PROCESS, "tp1", false);
        h.loop.runPending();
        h.assertLog("(VI_1) Changing effective priority from 110 to 100");
        h.engine.trackStatus(TrackConfig.Kind.PROCESS, "tp1", true);
        h.loop.runPending();
        h.assertLog("Quorum gained for tracked process tp1");
        h.assertLog("(VI_1) Changing effective priority from 100 to 110");
    }
}
