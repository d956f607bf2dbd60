package org.halo.status.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.halo.api.check.CheckStatus;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Health;
import org.junit.jupiter.api.Test;

/** The "VRRP Scripts" entries from the plug-in host's check status. */
class ScriptInfoTest {
    private static CheckStatus status(String id, Health h, Map<String, String> props) {
        return new CheckStatus(new CheckTarget(id, "vrrp_script", Duration.ofSeconds(2), props), h, -1, true, Instant.EPOCH, null, 3, 0, 0);
    }

    @Test
    void vrrpScriptsOnlyWithKeepalivedsWords() {
        Map<String, String> p = Map.of("name", "chk_up", "script", "/usr/bin/true", "interval", "2", "weight", "-20", "rise", "2", "fall", "3");
        assertEquals(Optional.of(new ScriptInfo("chk_up", "/usr/bin/true", 2, 0, -20, 2, 3, "GOOD")), ScriptInfo.of(status("vrrp_script:chk_up", Health.UP, p)));
        assertEquals("BAD", ScriptInfo.of(status("vrrp_script:chk_up", Health.DOWN, p)).orElseThrow().status());
        assertEquals("INIT", ScriptInfo.of(status("vrrp_script:chk_up", Health.UNKNOWN, p)).orElseThrow().status());
        assertTrue(ScriptInfo.of(status("MISC_CHECK:10.0.0.1:80/10.0.0.2:80", Health.UP, p)).isEmpty(), "real-server checks are not vrrp_scripts");
    }

    @Test
    void defaultsAndTheSectionWritten() {
        ScriptInfo s = ScriptInfo.of(status("vrrp_script:chk", Health.DOWN, Map.of("script", "/bin/false", "timeout", "1.5"))).orElseThrow();
        assertEquals(new ScriptInfo("chk", "/bin/false", 1, 1, 0, 1, 1, "BAD"), s, "interval 1, rise/fall 1, weight 0 when not configured");
        String data = DataFormat.format(new DataFormat.Context("r1", List.of(s), PairSnapshots.ZONE, n -> 1), PairSnapshots.instances(1), List.of());
        assertTrue(data.contains("------< VRRP Scripts >------\n VRRP Script = chk\n   Command = '/bin/false'\n   Interval = 1 sec\n"
                + "   Timeout = 1 sec\n   Weight = 0\n   Rise = 1\n   Fall = 1\n   Insecure = no\n   Status = BAD\n   VRRP instances :\n"
                + "   Tracking instances :\n   State = idle\n"), data);
        assertEquals(List.of(new ExporterReader.Script("chk", "BAD", "idle")), ExporterReader.scripts(data));
    }
}
