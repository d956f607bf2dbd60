package org.halo.systest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateRatioTest {

    @Test
    void equalCountsGiveAnIntervalAroundOne() {
        RateRatio r = RateRatio.of(40, 40);
        assertTrue(r.low() < 1 && r.high() > 1, r.toString());
        // 1/x symmetry of the exact interval for equal counts
        assertEquals(1 / r.low(), r.high(), 1e-6);
    }

    @Test
    void clopperPearsonBoundsMatchTheTextbookValues() {
        // 5 of 20: the exact 95 % interval for p is 0.0866-0.4910 (published tables)
        RateRatio r = RateRatio.of(5, 15);
        assertEquals(0.0866 / (1 - 0.0866), r.low(), 1e-3);
        assertEquals(0.4910 / (1 - 0.4910), r.high(), 1e-3);
    }

    @Test
    void fewEventsSayLittleAndClearlyFewerExcludeOne() {
        RateRatio few = RateRatio.of(2, 4);
        assertTrue(few.low() < 0.2 && few.high() > 2, few.toString());
        RateRatio clear = RateRatio.of(10, 60);
        assertTrue(clear.high() < 1, clear.toString());
        RateRatio none = RateRatio.of(0, 0);
        assertEquals(0, none.low());
        assertTrue(Double.isInfinite(none.high()));
    }
}
