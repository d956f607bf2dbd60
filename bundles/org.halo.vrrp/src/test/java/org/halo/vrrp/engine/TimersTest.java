package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.MS;
import static org.halo.vrrp.engine.Harness.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Master-down timer: down_timer_adverts x master interval + skew, v2 and v3 (RFC 3768 6.1, RFC 5798 6.1). */
class TimersTest {

    /** Runs until just before and exactly at {@code nanos}, asserting the takeover happens exactly then. */
    static void assertTakeoverAt(Harness h, long nanos) {
        h.loop.runUntil(nanos - 1);
        assertEquals(VrrpState.BACKUP, h.state("VI_1"), "still BACKUP 1 ns before");
        h.loop.runUntil(nanos);
        assertEquals(VrrpState.MASTER, h.state("VI_1"), "MASTER at the bound");
    }

    @Test
    void v2BackupBecomesMasterAfterThreeIntervalsPlusSkew() {
        Harness h = new Harness().start(cfg("VI_1", 100).build());
        h.assertLog("(VI_1) Entering BACKUP STATE (init)");
        // skew = (256-100)/256 s = 609375 us
        assertTakeoverAt(h, 3_000 * MS + 609_375_000L);
        h.assertLog("(VI_1) Receive advertisement timeout");
        h.assertLog("(VI_1) Entering MASTER STATE");
        h.assertLog("(VI_1) setting VIPs.");
        assertEquals(1, h.counters("VI_1").becomeMaster());
        assertEquals(1, h.counters("VI_1").advertSent());
        assertEquals(1, h.count("add VI_1"));
    }

    @Test
    void v2SkewIsNotScaledByInterval() {
        Harness h = new Harness().start(cfg("VI_1", 100).advertIntervalMillis(5000).build());
        assertTakeoverAt(h, 15_000 * MS + 609_375_000L);
        h.assertLog("(VI_1) Receive advertisement timeout");
    }

    @Test
    void downTimerAdvertsIsConfigurable() {
        Harness h = new Harness().start(cfg("VI_1", 100).downTimerAdverts(5).build());
        assertTakeoverAt(h, 5_000 * MS + 609_375_000L);
        h.assertLog("(VI_1) Entering MASTER STATE");
    }

    @Test
    void v3SkewIsScaledByIntervalInCentiseconds() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).advertIntervalMillis(500).build());
        // skew = (256-100) * 50 cs * 625 / 16 us = 304687 us (keepalived's VRRP_TIMER_SKEW)
        assertTakeoverAt(h, 1_500 * MS + 304_687_000L);
        h.assertLog("(VI_1) Entering MASTER STATE");
    }

    @Test
    void v3SkewKeepsMicrosecondsAtTenMillisecondAdverts() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).advertIntervalMillis(10).build());
        // skew = (256-100) * 1 cs * 625 / 16 us = 6093 us, not 0: down = 30 ms + 6.093 ms
        assertTakeoverAt(h, 30 * MS + 6_093_000L);
    }

    @Test
    void v3BackupAdoptsMasterInterval() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).build());
        h.advanceMillis(1000);
        h.receive(Harness.v3("10.0.0.2", 200, 200));
        h.assertLog("(VI_1) advertisement interval updated from 1000ms to 2000ms by master");
        assertEquals(2000, h.engine.snapshot("VI_1").orElseThrow().masterAdvertIntervalMillis());
        // down = 3 x 2 s + (256-100) * 200 * 625 / 16 us = 6 s + 1.21875 s
        assertTakeoverAt(h, 1_000 * MS + 6_000 * MS + 1_218_750_000L);
        // once master it advertises at its own interval again
        assertEquals(1000, h.engine.snapshot("VI_1").orElseThrow().masterAdvertIntervalMillis());
    }

    @Test
    void masterAdvertisesEveryInterval() {
        Harness h = new Harness().start(cfg("VI_1", 255).build());
        h.assertLog("(VI_1) Entering MASTER STATE");
        h.advanceMillis(10_000);
        // at 0 s (and its repeat 5 ms later, Instance.repeatClaim), then every second
        assertEquals(12, h.counters("VI_1").advertSent());
        assertEquals(java.util.Collections.nCopies(12, 255), h.sentPriorities());
    }

    @Test
    void acceptedAdvertRestartsTheDownTimer() {
        Harness h = new Harness().start(cfg("VI_1", 100).build());
        for (int i = 0; i < 10; i++) {
            h.advanceMillis(1000);
            h.receive(Harness.v2("10.0.0.2", 150));
        }
        long last = h.loop.nanoTime();
        assertTakeoverAt(h, last + 3_000 * MS + 609_375_000L);
        assertEquals(10, h.counters("VI_1").advertRcvd());
    }

    /**
     * A stop of the whole process (GC pause) longer than the master-down interval: the advert that reached the
     * socket during it is handed over after the pause, behind the overdue timer. It must still count, as in
     * keepalived's loop, which reads a readable socket before acting on a timeout.
     */
    @Test
    void advertArrivingDuringAStallIsSeenBeforeTheOverdueTimer() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).advertIntervalMillis(10).build());
        h.receive(Harness.v3("10.0.0.2", 200, 1));
        h.loop.stall(40, java.util.concurrent.TimeUnit.MILLISECONDS); // due at 36.093 ms, overdue by ~4 ms
        h.engine.receive(Harness.v3("10.0.0.2", 200, 1)); // the receive thread's hand-off after the pause
        h.loop.runPending();
        h.advanceMillis(5);
        assertEquals(VrrpState.BACKUP, h.state("VI_1"), "the advert from the stall re-armed the timer");
        assertEquals(0, h.counters("VI_1").becomeMaster());
        // with no further advert the takeover comes one master-down interval after that hand-off
        assertTakeoverAt(h, 40 * MS + 30 * MS + 6_093_000L);
    }

    @Test
    void stalledTimerWithNothingQueuedTakesOverAfterTheGrace() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).advertIntervalMillis(10).build());
        h.receive(Harness.v3("10.0.0.2", 200, 1));
        h.loop.stall(40, java.util.concurrent.TimeUnit.MILLISECONDS);
        h.loop.runPending();
        assertEquals(VrrpState.BACKUP, h.state("VI_1"), "overdue timer waits once for adverts held up by the stall");
        assertTakeoverAt(h, 40 * MS + Instance.STALL_GRACE_NANOS);
        h.assertLog("(VI_1) Receive advertisement timeout");
    }

    @Test
    void timerFiringOnTimeTakesNoGrace() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).advertIntervalMillis(10).build());
        h.receive(Harness.v3("10.0.0.2", 200, 1));
        // due 36.093 ms after the advert; a wake-up within STALL_NANOS of it acts at once
        h.loop.stall(36_093_000L + Instance.STALL_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
        h.loop.runPending();
        assertEquals(VrrpState.MASTER, h.state("VI_1"));
    }
}
