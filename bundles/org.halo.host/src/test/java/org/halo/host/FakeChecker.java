package org.halo.host;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;

/** Scriptable checker for unit tests. */
final class FakeChecker implements Checker {

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    volatile Function<CheckTarget, CompletionStage<CheckResult>> behaviour;

    FakeChecker(Function<CheckTarget, CompletionStage<CheckResult>> behaviour) {
        this.behaviour = behaviour;
    }

    static FakeChecker answering(CheckResult r) {
        return new FakeChecker(t -> CompletableFuture.completedFuture(r));
    }

    /** check() itself never returns (until the latch opens). */
    static FakeChecker hanging(CountDownLatch release) {
        return new FakeChecker(t -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(CheckResult.success("late"));
        });
    }

    /** check() spins a core (busy loop, ignores interrupts) until the flag drops. */
    static FakeChecker spinning(java.util.concurrent.atomic.AtomicBoolean spin) {
        return new FakeChecker(t -> {
            long x = 0;
            while (spin.get()) {
                x++;
            }
            return CompletableFuture.completedFuture(CheckResult.success("spun " + x));
        });
    }

    int calls(String id) {
        AtomicInteger c = calls.get(id);
        return c == null ? 0 : c.get();
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        calls.computeIfAbsent(target.id(), k -> new AtomicInteger()).incrementAndGet();
        return behaviour.apply(target);
    }

    static Map<String, Object> props(String type) {
        return Map.of(Checker.TYPE, type, "service.id", (long) (Math.random() * 1e9));
    }
}
