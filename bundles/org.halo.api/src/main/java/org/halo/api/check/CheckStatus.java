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
 * @param inARow           results in a row with the outcome of {@code lastResult} (successes when it succeeded,
 *                         failures and timeouts otherwise), 0 before the first: what fall/rise count
 */
public record CheckStatus(CheckTarget target, Health health, int dynamicWeight, boolean checkerAvailable,
        Instant since, CheckResult lastResult, long probes, long failures, long timeouts, int inARow) {

    public CheckStatus {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(since, "since");
    }

    /** The 1.0 form: no run length known (0). */
    public CheckStatus(CheckTarget target, Health health, int dynamicWeight, boolean checkerAvailable, Instant since,
            CheckResult lastResult, long probes, long failures, long timeouts) {
        this(target, health, dynamicWeight, checkerAvailable, since, lastResult, probes, failures, timeouts, 0);
    }

    public String id() {
        return target.id();
    }
}
