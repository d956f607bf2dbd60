package org.halo.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckStatus;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Health;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckEngineTest {

    private final CheckEngine engine = new CheckEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    static CheckSpec spec(String id, String type, long intervalMs, long timeoutMs, int fall, int rise, Health initial) {
        return new CheckSpec(new CheckTarget(id, type, Duration.ofMillis(timeoutMs), Map.of()),
                Duration.ofMillis(intervalMs), Duration.ofMillis(intervalMs), fall, rise, initial);
    }

    static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private Health health(String id) {
        return engine.status(id).map(CheckStatus::health).orElse(null);
    }

    @Test
    void fallAndRiseDriveHealthAndListenersSeeOnlyChanges() throws Exception {
        AtomicBoolean ok = new AtomicBoolean(true);
        FakeChecker c = new FakeChecker(t -> CompletableFuture.completedFuture(
                ok.get() ? CheckResult.success("ok") : CheckResult.failure("bad")));
        List<CheckStatus> seen = new CopyOnWriteArrayList<>();
        engine.subscribe(seen::add);
        engine.addChecker(c, FakeChecker.props("T"), PluginInfo.factory(null));
        engine.putCheck(spec("a", "T", 10, 1000, 3, 2, Health.UNKNOWN));
        await("up", () -> health("a") == Health.UP);
        ok.set(false);
        int before = c.calls("a");
        await("down", () -> health("a") == Health.DOWN);
        assertTrue(c.calls("a") - before >= 3, "fall=3 needs three failures");
        ok.set(true);
        await("up again", () -> health("a") == Health.UP);
        long healthChanges = seen.stream().map(CheckStatus::health).distinct().count();
        assertTrue(healthChanges >= 2);
        assertTrue(seen.size() < engine.status("a").orElseThrow().probes(), "listeners are told changes, not probes");
    }

    @Test
    void dynamicWeightIsReported() throws Exception {
        engine.addChecker(FakeChecker.answering(CheckResult.success(7, "exit 9")), FakeChecker.props("T"),
                PluginInfo.factory(null));
        engine.putCheck(spec("w", "T", 10, 1000, 1, 1, Health.UNKNOWN));
        await("weight", () -> engine.status("w").map(s -> s.dynamicWeight() == 7).orElse(false));
    }

    @Test
    void timeoutAndThrowAreFailuresCountedOnThePlugin() throws Exception {
        FakeChecker never = new FakeChecker(t -> new CompletableFuture<>());
        FakeChecker thrower = new FakeChecker(t -> {
            throw new IllegalStateException("boom");
        });
        engine.addChecker(never, FakeChecker.props("NEVER"), PluginInfo.factory(null));
        engine.addChecker(thrower, FakeChecker.props("THROW"), PluginInfo.factory(null));
        engine.putCheck(spec("n", "NEVER", 10, 30, 1, 1, Health.UP));
        engine.putCheck(spec("t", "THROW", 10, 1000, 1, 1, Health.UP));
        await("n down", () -> health("n") == Health.DOWN);
        await("t down", () -> health("t") == Health.DOWN);
        PluginInfo neverInfo = engine.checkers().stream().filter(i -> i.name().equals("NEVER")).findFirst().orElseThrow();
        PluginInfo throwInfo = engine.checkers().stream().filter(i -> i.name().equals("THROW")).findFirst().orElseThrow();
        assertTrue(neverInfo.stats().timeouts.get() >= 1);
        assertTrue(throwInfo.stats().failures.get() >= 1);
        assertTrue(engine.status("n").orElseThrow().timeouts() >= 1);
    }

    @Test
    void hangingAndSpinningCheckersOnlyAffectTheirOwnTargets() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean spin = new AtomicBoolean(true);
        try {
            engine.addChecker(FakeChecker.hanging(release), FakeChecker.props("HANG"), PluginInfo.factory(null));
            engine.addChecker(FakeChecker.spinning(spin), FakeChecker.props("SPIN"), PluginInfo.factory(null));
            FakeChecker good = FakeChecker.answering(CheckResult.success("ok"));
            engine.addChecker(good, FakeChecker.props("GOOD"), PluginInfo.factory(null));
            engine.putCheck(spec("h", "HANG", 10, 50, 1, 1, Health.UP));
            engine.putCheck(spec("s", "SPIN", 10, 50, 1, 1, Health.UP));
            engine.putCheck(spec("g", "GOOD", 10, 1000, 1, 1, Health.UNKNOWN));
            Thread.sleep(500);
            assertEquals(Health.DOWN, health("h"));
            assertEquals(Health.DOWN, health("s"));
            assertEquals(Health.UP, health("g"));
            assertTrue(good.calls("g") >= 5, "good checker kept probing: " + good.calls("g") + " calls");
            System.out.printf("good checker: %d probes in 500 ms at a 10 ms interval%n", good.calls("g"));
            System.out.printf("check loop lateness with a hung and a spinning checker: max %d us, mean %d us over %d starts%n",
                    engine.lateness().maxMicros(), engine.lateness().meanMicros(), engine.lateness().count());
        } finally {
            release.countDown();
            spin.set(false);
        }
    }

    @Test
    void checkerGoneKeepsLastStateMarkedAndResumesWithStateCarried() throws Exception {
        FakeChecker first = FakeChecker.answering(CheckResult.success("ok"));
        engine.addChecker(first, FakeChecker.props("T"), PluginInfo.factory(null));
        engine.putCheck(spec("x", "T", 10, 1000, 3, 3, Health.UNKNOWN));
        await("up", () -> health("x") == Health.UP && engine.status("x").get().probes() > 3);
        engine.removeChecker(first);
        await("no checker", () -> !engine.status("x").orElseThrow().checkerAvailable());
        long probes = engine.status("x").orElseThrow().probes();
        Thread.sleep(100);
        CheckStatus frozen = engine.status("x").orElseThrow();
        assertEquals(Health.UP, frozen.health(), "last state kept");
        assertEquals(probes, frozen.probes(), "no probes without a checker");
        // A failing provider returns: fall=3 still applies, state carried (no instant flap to DOWN).
        FakeChecker second = FakeChecker.answering(CheckResult.failure("bad"));
        engine.addChecker(second, FakeChecker.props("T"), PluginInfo.factory(null));
        await("available", () -> engine.status("x").orElseThrow().checkerAvailable());
        await("first new probe", () -> second.calls("x") >= 1);
        await("down after fall", () -> health("x") == Health.DOWN);
        assertTrue(second.calls("x") >= 3);
    }

    @Test
    void replacingConfigKeepsHealthAndRemovingStopsProbes() throws Exception {
        FakeChecker c = FakeChecker.answering(CheckResult.success("ok"));
        engine.addChecker(c, FakeChecker.props("T"), PluginInfo.factory(null));
        engine.putCheck(spec("r", "T", 10, 1000, 1, 1, Health.UNKNOWN));
        await("up", () -> health("r") == Health.UP);
        engine.putCheck(spec("r", "T", 20, 1000, 1, 1, Health.DOWN));
        Thread.sleep(50);
        assertEquals(Health.UP, health("r"));
        engine.removeCheck("r");
        await("gone", () -> engine.status("r").isEmpty());
        int calls = c.calls("r");
        Thread.sleep(100);
        assertTrue(c.calls("r") <= calls + 1);
        assertFalse(engine.status("r").isPresent());
    }
}
