package org.halo.check.process;

import org.halo.api.check.CheckTarget;

/**
 * keepalived's quorum (default 1) and quorum_max (default unlimited; quorum_max 0 without a quorum above 1 sets
 * quorum 0, "up while not running"): the tracked process is up while the count is within [min, max].
 */
record Quorum(long min, long max) {

    static Quorum from(CheckTarget t) {
        long min = Long.parseLong(t.property("quorum", "1").trim());
        long max = t.property("quorum_max").map(v -> Long.parseLong(v.trim())).orElse(Long.MAX_VALUE);
        if (max == 0 && min <= 1) {
            min = 0;
        }
        return new Quorum(min, max);
    }

    boolean contains(long n) {
        return n >= min && n <= max;
    }

    @Override
    public String toString() {
        return "[" + min + ":" + (max == Long.MAX_VALUE ? "" : max) + "]";
    }
}
