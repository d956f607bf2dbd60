package org.halo.vrrp.runtime.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values as keepalived 2.2.7 read them (checked in a namespace: 7, 0x10, " -3abc", "junk", 010, 99999999999). */
class TrackFileValueTest {

    @Test
    void readsLikeStrtolWithBaseZero() {
        assertEquals(7, TrackFileValue.strtol("7\n"));
        assertEquals(16, TrackFileValue.strtol("0x10\n"));
        assertEquals(-3, TrackFileValue.strtol(" -3abc\n"));
        assertEquals(0, TrackFileValue.strtol("junk\n"));
        assertEquals(0, TrackFileValue.strtol(""));
        assertEquals(8, TrackFileValue.strtol("010\n"), "a leading 0 is octal");
        assertEquals(0, TrackFileValue.strtol("0x"), "0x without a hex digit is the 0 before it");
        assertEquals(12, TrackFileValue.strtol("\t+12 34"));
    }

    @Test
    void outsideTheIntRangeIsNotUsable() {
        assertFalse(TrackFileValue.usable(TrackFileValue.strtol("99999999999")));
        assertFalse(TrackFileValue.usable(TrackFileValue.strtol("-999999999999999999999999")));
        assertEquals(Long.MIN_VALUE, TrackFileValue.strtol("-999999999999999999999999"));
        assertTrue(TrackFileValue.usable(TrackFileValue.strtol("-2147483648")));
    }
}
