package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The snapshot's wantstate and keepalived's num_script_if_fault / num_script_init, against what keepalived
 * 2.2.7 wrote in its data file for the same set-ups (one node in a namespace: tracked interface eth1 down,
 * /bin/false and /bin/true scripts, a script that never returns).
 */
class FaultCountsTest {
    private static final TrackConfig BAD = new TrackConfig(TrackConfig.Kind.SCRIPT, "s_bad", 0, false);
    private static final TrackConfig SLOW = new TrackConfig(TrackConfig.Kind.SCRIPT, "s_slow", 0, false);

    private static InstanceSnapshot snap(Harness h, String name) {
        return h.engine.snapshot(name).orElseThrow();
    }

    @Test
    void failedScriptAndScriptWithoutResultAreCountedApart() {
        // keepalived VI_B: s_bad failed, s_slow still running: FAULT, wantstate FAULT, faults 1, init 1
        Harness h = new Harness().start(cfg("VI_B", 100).track(BAD).track(SLOW).build());
        InstanceSnapshot s = snap(h, "VI_B");
        assertEquals(0, s.scriptIfFaults());
        assertEquals(2, s.scriptsInit(), "neither script has reported");
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "s_bad", false);
        h.loop.runPending();
        s = snap(h, "VI_B");
        assertEquals(VrrpState.FAULT, s.state());
        assertEquals(VrrpState.FAULT, s.wantState());
        assertEquals(1, s.scriptIfFaults());
        assertEquals(1, s.scriptsInit());
    }

    @Test
    void downTrackedInterfaceAtStartIsAFaultWithWantstateFault() {
        // keepalived VI_C: track_interface eth1 (down), s_bad weight -10, s_good: faults 1, init 0, wantstate FAULT
        Harness h = new Harness();
        h.engine.linkChanged("eth1", false);
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "s_bad", false);
        h.engine.trackStatus(TrackConfig.Kind.SCRIPT, "s_good", true);
        h.start(cfg("VI_C", 100).track(new TrackConfig(TrackConfig.Kind.SCRIPT, "s_bad", -10, false))
                .track(new TrackConfig(TrackConfig.Kind.SCRIPT, "s_good", 0, false))
                .track(new TrackConfig(TrackConfig.Kind.INTERFACE, "eth1", 0, false)).build());
        InstanceSnapshot s = snap(h, "VI_C");
        assertEquals(VrrpState.FAULT, s.state());
        assertEquals(VrrpState.FAULT, s.wantState());
        assertEquals(1, s.scriptIfFaults(), "a weighted script that fails is no fault");
        assertEquals(0, s.scriptsInit());
        assertEquals(90, s.effectivePriority());
    }

    @Test
    void ownInterfaceAndEveryFailedObjectCountOnce() {
        Harness h = new Harness();
        h.engine.linkChanged("eth0", false);
        h.engine.linkChanged("eth1", false);
        h.engine.trackValue("tf", 3);
        h.start(cfg("VI_1", 100).track(new TrackConfig(TrackConfig.Kind.INTERFACE, "eth1", 0, false))
                .track(new TrackConfig(TrackConfig.Kind.FILE, "tf", 0, false)).build());
        assertEquals(3, snap(h, "VI_1").scriptIfFaults());
        h.engine.linkChanged("eth0", true);
        h.engine.trackValue("tf", 0);
        h.loop.runPending();
        assertEquals(1, snap(h, "VI_1").scriptIfFaults());
        assertEquals(VrrpState.FAULT, snap(h, "VI_1").state());
    }

    @Test
    void configuredMasterWantsMasterWhileStillBackup() {
        // keepalived VI_D: state MASTER, priority 100, starts in BACKUP with wantstate MASTER, then MASTER
        Harness h = new Harness().start(cfg("VI_D", 100).initialMaster(true).build());
        assertEquals(VrrpState.BACKUP, snap(h, "VI_D").state());
        assertEquals(VrrpState.MASTER, snap(h, "VI_D").wantState());
        h.advanceMillis(4000);
        assertEquals(VrrpState.MASTER, snap(h, "VI_D").state());
        assertEquals(VrrpState.MASTER, snap(h, "VI_D").wantState());
        // a higher-priority master takes over: keepalived's vrrp_state_leave_master sets wantstate BACKUP
        h.receive(Harness.v2("10.0.0.2", 200));
        assertEquals(VrrpState.BACKUP, snap(h, "VI_D").wantState());
    }

    @Test
    void configuredBackupWantsBackup() {
        Harness h = new Harness().start(cfg("VI_1", 100).build());
        assertEquals(VrrpState.BACKUP, snap(h, "VI_1").wantState());
    }
}
