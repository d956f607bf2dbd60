package org.halo.host;

import org.halo.api.check.CheckResult;
import org.halo.api.check.Health;

/**
 * Fall/rise bookkeeping of one target (single-threaded: only the check loop touches it). Mirrors
 * keepalived's vrrp_script result counter: from the init state the first result decides; afterwards
 * {@code fall} consecutive failures make it DOWN and {@code rise} consecutive successes make it UP.
 */
final class CheckBook {

    private Health health;
    private int successes;
    private int failures;

    CheckBook(Health initial) {
        this.health = initial;
    }

    Health health() {
        return health;
    }

    /** Results in a row with the last one's outcome (successes or failures), 0 before the first. */
    int inARow() {
        return Math.max(successes, failures);
    }

    /** Records one result; returns {@code true} if the health changed. */
    boolean record(CheckResult result, int fall, int rise) {
        Health before = health;
        if (result.isSuccess()) {
            failures = 0;
            successes++;
            if (health == Health.UNKNOWN || (health == Health.DOWN && successes >= rise)) {
                health = Health.UP;
            }
        } else {
            successes = 0;
            failures++;
            if (health == Health.UNKNOWN || (health == Health.UP && failures >= fall)) {
                health = Health.DOWN;
            }
        }
        return health != before;
    }

    /** {@code true} while failures are accumulating towards {@code fall} (keepalived: delay_before_retry). */
    boolean retrying() {
        return health == Health.UP && failures > 0;
    }
}
