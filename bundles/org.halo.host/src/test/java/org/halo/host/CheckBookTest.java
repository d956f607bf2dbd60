package org.halo.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.halo.api.check.CheckResult;
import org.halo.api.check.Health;
import org.junit.jupiter.api.Test;

class CheckBookTest {

    private static final CheckResult OK = CheckResult.success("ok");
    private static final CheckResult BAD = CheckResult.failure("bad");

    @Test
    void firstResultDecidesFromUnknown() {
        CheckBook up = new CheckBook(Health.UNKNOWN);
        assertTrue(up.record(OK, 3, 3));
        assertEquals(Health.UP, up.health());
        CheckBook down = new CheckBook(Health.UNKNOWN);
        assertTrue(down.record(BAD, 3, 3));
        assertEquals(Health.DOWN, down.health());
    }

    @Test
    void fallNeedsConsecutiveFailures() {
        CheckBook b = new CheckBook(Health.UP);
        assertFalse(b.record(BAD, 3, 2));
        assertTrue(b.retrying());
        assertFalse(b.record(BAD, 3, 2));
        assertFalse(b.record(OK, 3, 2)); // streak broken
        assertFalse(b.record(BAD, 3, 2));
        assertFalse(b.record(BAD, 3, 2));
        assertTrue(b.record(CheckResult.timeout("t"), 3, 2)); // a timeout counts as a failure
        assertEquals(Health.DOWN, b.health());
        assertFalse(b.retrying());
    }

    @Test
    void riseNeedsConsecutiveSuccesses() {
        CheckBook b = new CheckBook(Health.DOWN);
        assertFalse(b.record(OK, 1, 2));
        assertFalse(b.record(BAD, 1, 2));
        assertFalse(b.record(OK, 1, 2));
        assertTrue(b.record(OK, 1, 2));
        assertEquals(Health.UP, b.health());
    }
}
