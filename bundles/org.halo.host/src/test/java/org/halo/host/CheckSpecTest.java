package org.halo.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.halo.api.check.Checker;
import org.halo.api.check.Health;
import org.junit.jupiter.api.Test;

class CheckSpecTest {

    @Test
    void vrrpScriptFromConfig() {
        CheckSpec s = CheckSpec.vrrpScript(Map.of("name", "chk", "script", "/bin/true", "interval", "2",
                "fall", 3, "rise", "2", "weight", "-20", "init_fail", true, "service.pid", "x"));
        assertEquals("vrrp_script:chk", s.id());
        assertEquals(Checker.VRRP_SCRIPT, s.target().type());
        assertEquals(Duration.ofSeconds(2), s.interval());
        assertEquals(Duration.ofSeconds(2), s.target().timeout());
        assertEquals(3, s.fall());
        assertEquals(2, s.rise());
        assertEquals(Health.DOWN, s.initial());
        assertEquals("-20", s.target().properties().get("weight"));
        assertEquals(null, s.target().properties().get("service.pid"));
    }

    @Test
    void vrrpTrackProcessScansEverySecondAndTurnsDelaysIntoScans() {
        CheckSpec s = CheckSpec.vrrpTrackProcess(Map.of("name", "nginx", "process", "nginx", "quorum", "2",
                "weight", "10 reverse"));
        assertEquals("vrrp_track_process:nginx", s.id());
        assertEquals(Checker.VRRP_TRACK_PROCESS, s.target().type());
        assertEquals(Duration.ofSeconds(1), s.interval());
        assertEquals(1, s.fall());
        assertEquals(1, s.rise());
        assertEquals(Health.UNKNOWN, s.initial(), "the first count decides at once, as keepalived's start-up scan");
        assertEquals("2", s.target().properties().get("quorum"));
        CheckSpec d = CheckSpec.vrrpTrackProcess(Map.of("name", "n", "process", "n", "delay", "2.5"));
        assertEquals(4, d.fall(), "terminate_delay 2.5 s = 3 more scans");
        assertEquals(4, d.rise());
        CheckSpec f = CheckSpec.vrrpTrackProcess(Map.of("name", "n", "process", "n", "delay", "2", "fork_delay", "0.5"));
        assertEquals(3, f.fall());
        assertEquals(2, f.rise(), "fork_delay overrides delay for gaining quorum");
        assertThrows(IllegalArgumentException.class, () -> CheckSpec.vrrpTrackProcess(Map.of("name", "n")));
    }

    @Test
    void miscCheckFromConfig() {
        CheckSpec s = CheckSpec.realServerCheck(Map.of("type", "MISC_CHECK", "virtual_server", "10.0.0.1:80",
                "real_server", "192.168.0.2:80", "misc_path", new String[] {"/bin/check", "a"}, "delay_loop", "0.5",
                "misc_timeout", "3", "retry", "2"));
        assertEquals("MISC_CHECK:10.0.0.1:80/192.168.0.2:80", s.id());
        assertEquals(Duration.ofMillis(500), s.interval());
        assertEquals(Duration.ofSeconds(3), s.target().timeout());
        assertEquals(3, s.fall());
        assertEquals(Health.UP, s.initial());
        assertEquals("/bin/check a", s.target().properties().get("misc_path"));
    }

    @Test
    void bridgeKeyIsTheIdentity() {
        CheckSpec s = CheckSpec.realServerCheck(Map.of("type", "MISC_CHECK", "virtual_server", "10.0.0.1 80",
                "real_server", "192.168.0.2 80", "halo.key", "check:10.0.0.1 80/192.168.0.2 80/MISC_CHECK#2",
                "misc_dynamic", "true"));
        assertEquals("check:10.0.0.1 80/192.168.0.2 80/MISC_CHECK#2", s.id());
        assertEquals("true", s.target().properties().get("misc_dynamic"));
    }

    @Test
    void rejectsIncompleteConfig() {
        assertThrows(IllegalArgumentException.class, () -> CheckSpec.vrrpScript(Map.of("script", "x")));
        assertThrows(IllegalArgumentException.class, () -> CheckSpec.realServerCheck(Map.of("delay_loop", "1")));
        assertThrows(IllegalArgumentException.class,
                () -> CheckSpec.vrrpScript(Map.of("name", "n", "script", "x", "interval", "zero")));
    }
}
