package org.halo.systest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.halo.systest.bench.TakeoverCauses.Cause;
import org.halo.systest.bench.TakeoverCauses.Side;
import org.halo.systest.lab.AdvertCapture.Advert;
import org.halo.systest.lab.GcLog.Pause;
import org.halo.systest.lab.VipWatch.Event;
import org.junit.jupiter.api.Test;

/** Takeover attribution on synthetic wires: 10 ms adverts, master-down 36.1 ms for the backup (no root). */
class TakeoverCausesTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private static final long I = 10_000;
    private static final long DOWN = 36_100;

    /** A's wire: what it sent every 10 ms up to {@code until}, except the send instants in skip. */
    private static List<Advert> sent(long from, long until, List<Long> skip) {
        List<Advert> out = new ArrayList<>();
        for (long t = from; t <= until; t += I) {
            if (!skip.contains(t)) {
                out.add(new Advert(t, A, 150));
            }
        }
        return out;
    }

    private static Cause classify(List<Advert> wireA, List<Advert> wireB, long claim, List<Pause> pausesA, List<Pause> pausesB) {
        List<Advert> b = new ArrayList<>(wireB);
        b.add(new Advert(claim, B, 100));
        List<Advert> a = new ArrayList<>(wireA);
        a.add(new Advert(claim + 50, B, 100));
        a.sort(java.util.Comparator.comparingLong(Advert::micros));
        b.sort(java.util.Comparator.comparingLong(Advert::micros));
        List<Side> sides = List.of(new Side(1, A, 150, a, pausesA), new Side(2, B, 100, b, pausesB));
        return TakeoverCauses.classify(List.of(new Event(claim + 300, 2, true, "vip")), sides, I, p -> DOWN).get(0).cause();
    }

    @Test
    void threeDroppedAdvertsOnTimeAreLoss() {
        List<Advert> a = sent(0, 100_000, List.of());
        List<Advert> delivered = sent(0, 100_000, List.of(50_000L, 60_000L, 70_000L)).stream().filter(x -> x.micros() <= 40_000).toList();
        assertEquals(Cause.LOSS, classify(a, delivered, 40_000 + DOWN + 400, List.of(), List.of()));
    }

    @Test
    void masterSilentDuringItsOwnPauseIsPauseOnMaster() {
        // A sends at 40 ms, then nothing until 78 ms: stopped 30-70 ms... of its own
        List<Advert> a = new ArrayList<>(sent(0, 40_000, List.of()));
        a.add(new Advert(78_000, A, 150));
        List<Advert> delivered = a.stream().filter(x -> x.micros() <= 40_000).toList();
        List<Pause> pause = List.of(new Pause(45_000, 70_000, "n1"));
        assertEquals(Cause.PAUSE_ON_MASTER, classify(a, delivered, 40_000 + DOWN + 400, pause, List.of()));
        assertEquals(Cause.MASTER_SEND_DELAY, classify(a, delivered, 40_000 + DOWN + 400, List.of(), List.of()));
    }

    @Test
    void backupClaimingThoughAFreshAdvertWasDeliveredIsEarly() {
        List<Advert> a = sent(0, 100_000, List.of());
        List<Advert> delivered = a.stream().filter(x -> x.micros() <= 60_000).toList();
        long claim = 60_000 + 15_000; // the 60 ms advert was 15 ms old: the backup acted on a stale timer
        assertEquals(Cause.BACKUP_EARLY, classify(a, delivered, claim, List.of(), List.of()));
        assertEquals(Cause.PAUSE_ON_BACKUP, classify(a, delivered, claim, List.of(), List.of(new Pause(50_000, 74_000, "n2"))));
    }

    @Test
    void advertRacingTheDeadlineIsJudgedByTheSilenceBeforeIt() {
        // delivered up to 10 ms, 20/30/40 dropped, the 50 ms one arrives 0.5 ms before the claim at 50.5 ms:
        // the backup's timer (10 + 36.1 = 46.1 ms) had run out; three adverts sent on time were lost
        List<Advert> a = sent(0, 100_000, List.of());
        List<Advert> delivered = new ArrayList<>(a.stream().filter(x -> x.micros() <= 10_000).toList());
        delivered.add(new Advert(50_000, A, 150));
        assertEquals(Cause.LOSS, classify(a, delivered, 50_500, List.of(), List.of()));
    }

    @Test
    void stoppedTimeMergesOverlappingPausesWithinTheWindow() {
        List<Pause> p = List.of(new Pause(10_000, 12_000, "n"), new Pause(11_000, 13_000, "n"), new Pause(50_000, 51_000, "n"));
        // each widened by 1 ms: [9,14] and [49,52] ms, clipped to [0, 50] ms -> 5 + 1 ms
        assertEquals(6_000, TakeoverCauses.stoppedWithin(p, 0, 50_000));
    }

    @Test
    void allDueAdvertsSentAndDroppedIsLossEvenIfOneWasLateFromAPause() {
        // 50 and 70 on time, the 60 one left at 62.7 after a 2.7 ms stop: three sent, three dropped
        List<Advert> a = new ArrayList<>(sent(0, 100_000, List.of(60_000L)));
        a.add(new Advert(62_700, A, 150));
        a.sort(java.util.Comparator.comparingLong(Advert::micros));
        List<Advert> delivered = a.stream().filter(x -> x.micros() <= 40_000).toList();
        List<Pause> pause = List.of(new Pause(60_000, 62_700, "n1"));
        assertEquals(Cause.LOSS, classify(a, delivered, 40_000 + DOWN + 400, pause, List.of()));
    }
}
