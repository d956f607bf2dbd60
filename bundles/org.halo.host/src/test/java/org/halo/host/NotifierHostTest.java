package org.halo.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.halo.api.notify.HaloEvent;
import org.halo.api.notify.Notifier;
import org.halo.api.notify.VrrpEvent;
import org.halo.api.vrrp.VrrpState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifierHostTest {

    private final NotifierHost host = new NotifierHost();

    @AfterEach
    void close() {
        host.close();
    }

    static VrrpEvent event(String name, VrrpState state) {
        return new VrrpEvent(0, Instant.now(), VrrpEvent.Scope.INSTANCE, name, state, VrrpState.BACKUP, 100);
    }

    @Test
    void blockedNotifierDelaysNothingElseAndDropsAreCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Notifier blocked = e -> release.await();
        List<HaloEvent> got = new CopyOnWriteArrayList<>();
        Notifier good = got::add;
        host.addNotifier(blocked, Map.of(Notifier.NAME, "blocked", Notifier.QUEUE, 4, Notifier.TIMEOUT_MS, "60000"),
                PluginInfo.factory(null));
        host.addNotifier(good, Map.of(Notifier.NAME, "good"), PluginInfo.factory(null));
        host.publish(event("VI_1", VrrpState.BACKUP));
        PluginInfo b = host.notifiers().stream().filter(i -> i.name().equals("blocked")).findFirst().orElseThrow();
        CheckEngineTest.await("blocked is inside its call", () -> b.stats().calls.get() == 1);
        long t0 = System.nanoTime();
        for (int i = 1; i < 100; i++) {
            host.publish(event("VI_1", i % 2 == 0 ? VrrpState.MASTER : VrrpState.BACKUP));
        }
        long publishMicros = (System.nanoTime() - t0) / 1000;
        CheckEngineTest.await("good got all", () -> got.size() == 100);
        for (int i = 0; i < 100; i++) {
            assertEquals(i + 1, got.get(i).sequence(), "in order, numbered");
        }
        // One event is in the blocked call, four fit the queue: the rest were dropped.
        assertEquals(95, b.stats().drops.get());
        System.out.printf("publish of 99 events with one blocked notifier: %d us%n", publishMicros);
        release.countDown();
    }

    @Test
    void timeoutsAndFailuresAreCountedAndDeliveryMovesOn() throws Exception {
        List<Long> got = new CopyOnWriteArrayList<>();
        Notifier flaky = e -> {
            if (e.sequence() == 1) {
                Thread.sleep(10_000);
            }
            if (e.sequence() == 2) {
                throw new IllegalStateException("boom");
            }
            got.add(e.sequence());
        };
        host.addNotifier(flaky, Map.of(Notifier.NAME, "flaky", Notifier.TIMEOUT_MS, 100L), PluginInfo.factory(null));
        host.publish(event("VI_1", VrrpState.MASTER));
        host.publish(event("VI_1", VrrpState.BACKUP));
        host.publish(event("VI_1", VrrpState.MASTER));
        CheckEngineTest.await("third delivered", () -> got.contains(3L));
        PluginInfo i = host.notifiers().get(0);
        assertEquals(1, i.stats().timeouts.get());
        assertEquals(1, i.stats().failures.get());
        assertEquals(3, i.stats().calls.get());
    }

    @Test
    void removingOneNotifierLosesNothingForTheOthers() throws Exception {
        List<HaloEvent> a = new CopyOnWriteArrayList<>();
        List<HaloEvent> b = new CopyOnWriteArrayList<>();
        Notifier na = a::add;
        Notifier nb = b::add;
        host.addNotifier(na, Map.of(Notifier.NAME, "a"), PluginInfo.factory(null));
        host.addNotifier(nb, Map.of(Notifier.NAME, "b"), PluginInfo.factory(null));
        for (int i = 0; i < 1000; i++) {
            host.publish(event("VI_" + (i % 3), VrrpState.MASTER));
            if (i == 500) {
                host.removeNotifier(nb);
            }
        }
        CheckEngineTest.await("a got all", () -> a.size() == 1000);
        assertTrue(b.size() <= 501);
        assertEquals(1, host.notifiers().size());
    }

    @Test
    void notifiersArrivingWhileTheFrameworkStartsGetTheStartupTransitionsLaterOnesDoNot() throws Exception {
        AtomicLong now = new AtomicLong(1_000);
        NotifierHost startup = new NotifierHost(now::get, null, true);
        try {
            startup.publish(event("VI_1", VrrpState.BACKUP));
            List<HaloEvent> early = new CopyOnWriteArrayList<>();
            now.addAndGet(200_000_000L);
            startup.addNotifier(early::add, Map.of(Notifier.NAME, "early"), PluginInfo.factory(null));
            startup.publish(event("VI_1", VrrpState.MASTER));
            CheckEngineTest.await("early got both", () -> early.size() == 2);
            assertEquals(List.of(1L, 2L), early.stream().map(HaloEvent::sequence).toList());

            // the same notifier replaced (bundle update) inside the window: nothing replayed twice
            List<HaloEvent> replaced = new CopyOnWriteArrayList<>();
            Notifier replacement = replaced::add;
            startup.addNotifier(replacement, Map.of(Notifier.NAME, "early"), PluginInfo.factory(null));
            startup.publish(event("VI_1", VrrpState.BACKUP));
            CheckEngineTest.await("replacement got the new one", () -> replaced.size() == 1);
            assertEquals(3L, replaced.get(0).sequence());
            startup.removeNotifier(replacement);

            startup.frameworkStarted(); // the daemon is up: later notifiers are hot deploys
            List<HaloEvent> late = new CopyOnWriteArrayList<>();
            startup.addNotifier(late::add, Map.of(Notifier.NAME, "late"), PluginInfo.factory(null));
            startup.publish(event("VI_1", VrrpState.BACKUP));
            CheckEngineTest.await("late got the new one", () -> late.size() == 1);
            assertEquals(4L, late.get(0).sequence());
            CheckEngineTest.await("early got four, no repeats", () -> early.size() == 4);
        } finally {
            startup.close();
        }
    }

    @Test
    void theReplayWindowIsBoundedEvenIfTheFrameworkNeverSaysStarted() throws Exception {
        AtomicLong now = new AtomicLong(0);
        NotifierHost startup = new NotifierHost(now::get, null, true);
        try {
            startup.publish(event("VI_1", VrrpState.BACKUP));
            now.addAndGet(NotifierHost.STARTUP_REPLAY_NANOS);
            List<HaloEvent> late = new CopyOnWriteArrayList<>();
            startup.addNotifier(late::add, Map.of(Notifier.NAME, "late"), PluginInfo.factory(null));
            startup.publish(event("VI_1", VrrpState.MASTER));
            CheckEngineTest.await("late got the new one", () -> late.size() == 1);
            assertEquals(2L, late.get(0).sequence());
        } finally {
            startup.close();
        }
    }
}
