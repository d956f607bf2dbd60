package org.halo.api.check;

import java.util.Objects;

/**
 * Result of one probe.
 *
 * @param outcome what happened
 * @param weight  a dynamic weight reported by the probe ({@code misc_dynamic}: exit status 2..255 gives
 *                weight {@code status - 2}), or {@link #NO_WEIGHT}
 * @param detail  a short human-readable reason, for logs and the shell; never {@code null}
 */
public record CheckResult(Outcome outcome, int weight, String detail) {

    /** No dynamic weight reported. */
    public static final int NO_WEIGHT = -1;

    /** What a probe found. */
    public enum Outcome {
        /** The target is healthy. */
        SUCCESS,
        /** The target is not healthy (includes a checker that threw). */
        FAILURE,
        /** The probe did not finish within the target's timeout. */
        TIMEOUT
    }

    public CheckResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (weight < NO_WEIGHT) {
            throw new IllegalArgumentException("weight " + weight);
        }
    }

    public static CheckResult success(String detail) {
        return new CheckResult(Outcome.SUCCESS, NO_WEIGHT, detail);
    }

    public static CheckResult success(int weight, String detail) {
        return new CheckResult(Outcome.SUCCESS, weight, detail);
    }

    public static CheckResult failure(String detail) {
        return new CheckResult(Outcome.FAILURE, NO_WEIGHT, detail);
    }

    public static CheckResult timeout(String detail) {
        return new CheckResult(Outcome.TIMEOUT, NO_WEIGHT, detail);
    }

    public boolean isSuccess() {
        return outcome == Outcome.SUCCESS;
    }
}
