package org.halo.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class KeepalivedFormatterTest {

    @Test
    void linesLookLikeKeepalivedConsoleOutput() {
        LogRecord r = new LogRecord(Level.INFO, "(VI_1) Entering MASTER STATE");
        r.setInstant(Instant.parse("2026-11-03T20:09:09Z"));
        String line = new KeepalivedFormatter().format(r);
        // "%a %b %e %T %Y: " — day of month space-padded, as keepalived 2.2.7 prints it
        assertTrue(line.matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 123]\\d \\d\\d:\\d\\d:\\d\\d 2026: \\(VI_1\\) Entering MASTER STATE\\R"), line);
        if (TimeZone.getDefault().getRawOffset() == 0) {
            assertEquals("Tue Nov  3 20:09:09 2026: (VI_1) Entering MASTER STATE", line.stripTrailing());
        }
    }

    @Test
    void syslogFacilitiesAndSeverities() {
        for (Map.Entry<String, Integer> e : Map.of("daemon", 3, "user", 1, "0", 16, "local7", 23).entrySet()) {
            assertEquals(e.getValue(), Logging.facilityCode(e.getKey()), e.getKey());
        }
        assertThrows(IllegalArgumentException.class, () -> Logging.facilityCode("local8"));
        assertEquals(3, Logging.severity(Level.SEVERE));
        assertEquals(4, Logging.severity(Level.WARNING));
        assertEquals(6, Logging.severity(Level.INFO));
        assertEquals(7, Logging.severity(Level.FINE));
    }
}
