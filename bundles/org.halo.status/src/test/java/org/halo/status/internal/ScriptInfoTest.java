package org.halo.status.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckStatus;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Health;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The "VRRP Scripts" entries from the plug-in host's check status. */
class ScriptInfoTest {
    private static final Map<String, String> RISE3_FALL4 = Map.of("script", "/bin/x", "rise", "3", "fall", "4");

    private static CheckStatus status(String id, Health h, Map<String, String> props) {
        return new CheckStatus(new CheckTarget(id, "vrrp_script", Duration.ofSeconds(2), props), h, -1, true, Instant.EPOCH,
                h == Health.UNKNOWN ? null : CheckResult.success("ok"), 3, 0, 0, 1);
    }

    private static CheckStatus run(Health h, boolean lastOk, int inARow) {
        return new CheckStatus(new CheckTarget("vrrp_script:s", "vrrp_script", Duration.ofSeconds(2), RISE3_FALL4), h, -1, true, Instant.EPOCH,
                lastOk ? CheckResult.success("ok") : CheckResult.failure("exit 1"), 9, 0, 0, inARow);
    }

    @Test
    void vrrpScriptsOnlyWithKeepalivedsWords() {
        Map<String, String> p = Map.of("name", "chk_up", "script", "/usr/bin/true", "interval", "2", "weight", "-20", "rise", "2", "fall", "3");
        assertEquals(Optional.of(new ScriptInfo("chk_up", "/usr/bin/true", 2, 0, -20, 2, 3, 4, "unknown", "GOOD")),
                ScriptInfo.of(status("vrrp_script:chk_up", Health.UP, p)));
        assertTrue(ScriptInfo.of(status("MISC_CHECK:10.0.0.1:80/10.0.0.2:80", Health.UP, p)).isEmpty(), "real-server checks are not vrrp_scripts");
    }

    /**
     * keepalived 2.2.7's data file for a script that has not returned yet (/bin/sleep 100, rise 3): "Result = 2",
     * "Init state = INIT", "Status = BAD" (the counter starts at rise - 1, below rise); with init_fail the same.
     */
    @Test
    void beforeTheFirstResultKeepalivedSaysInitAndBad() {
        ScriptInfo s = ScriptInfo.of(status("vrrp_script:s_slow", Health.UNKNOWN, RISE3_FALL4)).orElseThrow();
        assertEquals(List.of(2, "INIT", "BAD"), List.of(s.result(), s.initState(), s.status()));
        CheckStatus initFail = new CheckStatus(new CheckTarget("vrrp_script:s", "vrrp_script", Duration.ofSeconds(2), RISE3_FALL4), Health.DOWN, -1,
                true, Instant.EPOCH, null, 0, 0, 0, 0);
        ScriptInfo f = ScriptInfo.of(initFail).orElseThrow();
        assertEquals(List.of(2, "INIT", "BAD"), List.of(f.result(), f.initState(), f.status()));
    }

    /**
     * keepalived's counter (vrrp_script_child_thread) with rise 3, fall 4: GOOD is 6 and each failure in a row
     * takes one off down to 3 (still GOOD); BAD is 0 and each success in a row adds one up to 2 (still BAD).
     */
    @ParameterizedTest
    @CsvSource({"UP,true,5,6,GOOD", "UP,false,1,5,GOOD", "UP,false,3,3,GOOD", "DOWN,false,7,0,BAD", "DOWN,true,1,1,BAD", "DOWN,true,2,2,BAD"})
    void resultCountsTheRunTowardsFallOrRise(Health h, boolean lastOk, int inARow, int result, String status) {
        ScriptInfo s = ScriptInfo.of(run(h, lastOk, inARow)).orElseThrow();
        assertEquals(result, s.result());
        assertEquals(status, s.status());
        assertEquals("unknown", s.initState(), "keepalived 2.2.7 prints a finished init state as unknown");
    }

    @Test
    void defaultsAndTheSectionWritten() {
        ScriptInfo s = ScriptInfo.of(status("vrrp_script:chk", Health.DOWN, Map.of("script", "/bin/false", "timeout", "1.5"))).orElseThrow();
        assertEquals(new ScriptInfo("chk", "/bin/false", 1, 1, 0, 1, 1, 0, "unknown", "BAD"), s, "interval 1, rise/fall 1, weight 0 when not configured");
        String data = DataFormat.format(new DataFormat.Context("r1", List.of(s), PairSnapshots.ZONE, n -> 1), PairSnapshots.instances(1), List.of());
        assertTrue(data.contains("------< VRRP Scripts >------\n VRRP Script = chk\n   Command = '/bin/false'\n   Interval = 1 sec\n"
                + "   Timeout = 1 sec\n   Weight = 0\n   Rise = 1\n   Fall = 1\n   Result = 0\n   Insecure = no\n   Init state = unknown\n"
                + "   Status = BAD\n   VRRP instances :\n   Tracking instances :\n   State = idle\n"), data);
        assertEquals(List.of(new ExporterReader.Script("chk", "BAD", "idle")), ExporterReader.scripts(data));
    }
}
