package org.halo.api.check;

import java.time.Instant;
import java.util.Objects;

/**
 * The core's view of one checked target, after fall/rise.
 *
 * @param target           the target as configured
 * @param health           health after fall/rise
 * @param dynamicWeight    last dynamic weight reported by the checker, or {@link CheckResult#NO_WEIGHT}
 * @param checkerAvailable {@code false} while no checker serves {@code target.type()} ("no checker"):
 *                         health is then the last known state, frozen
 * @param since            when {@code health} last changed
 * @param lastResult       the last probe result, or {@code null} before the first
 * @param probes           probes completed for this target
 * @param failures         probes that failed (including exceptions)
 * @param timeouts         probes that timed out
 */
public record CheckStatus(CheckTarget target, Health health, int dynamicWeight, boolean checkerAvailable,
        Instant since, CheckResult lastResult, long probes, long failures, long timeouts) {

    public CheckStatus {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(since, "since");
    }

    public String id() {
        return target.id();
    }
}
