package org.halo.check.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.junit.jupiter.api.Test;

/** keepalived 2.2.7's matching rules (track_process.c check_params, vrrp_parser.c process/param_match). */
class ProcessMatcherTest {

    private static ProcessMatcher m(Map<String, String> props) {
        return ProcessMatcher.from(new CheckTarget("vrrp_track_process:t", Checker.VRRP_TRACK_PROCESS, Duration.ofSeconds(1), props));
    }

    private static byte[] cmd(String... argv) {
        return (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void byNameComparesTheProcessNameExactlyNotArgv0() {
        ProcessMatcher m = m(Map.of("process", "nginx"));
        assertTrue(m.matches("nginx", cmd("/usr/sbin/nginx", "-g", "daemon off;")));
        assertFalse(m.matches("nginx-debug", cmd("nginx")), "no prefix match (pgrep '^nginx$')");
        assertFalse(m.matches("ngin", cmd("nginx")));
    }

    @Test
    void fullCommandComparesArgv0() {
        ProcessMatcher m = m(Map.of("process", "/usr/sbin/nginx", "full_command", "true"));
        assertTrue(m.matches("whatever", cmd("/usr/sbin/nginx", "-g")));
        assertFalse(m.matches("nginx", cmd("nginx")));
    }

    @Test
    void parametersImplyFullCommandAndAnExactMatch() {
        ProcessMatcher m = m(Map.of("process", "/bin/sleep 100"));
        assertTrue(m.fullCommand());
        assertTrue(m.matches("sleep", cmd("/bin/sleep", "100")));
        assertFalse(m.matches("sleep", cmd("/bin/sleep", "100", "x")));
        assertFalse(m.matches("sleep", cmd("/bin/sleep", "1000")));
        assertFalse(m.matches("sleep", cmd("/bin/sleep")));
    }

    @Test
    void bareParamMatchMeansNoParameters() {
        ProcessMatcher m = m(Map.of("process", "/bin/sleep", "param_match", "true"));
        assertTrue(m.matches("sleep", cmd("/bin/sleep")));
        assertFalse(m.matches("sleep", cmd("/bin/sleep", "5")));
    }

    @Test
    void partialMatchesTheFirstParametersExactly() {
        ProcessMatcher m = m(Map.of("process", "/bin/app -c conf", "param_match", "partial"));
        assertTrue(m.matches("app", cmd("/bin/app", "-c", "conf", "-v")));
        assertFalse(m.matches("app", cmd("/bin/app", "-c", "config")));
        assertFalse(m.matches("app", cmd("/bin/app", "-c")));
    }

    @Test
    void initialLetsTheLastParameterBeLonger() {
        ProcessMatcher m = m(Map.of("process", "/bin/app -c conf", "param_match", "initial"));
        assertTrue(m.matches("app", cmd("/bin/app", "-c", "config")));
        assertTrue(m.matches("app", cmd("/bin/app", "-c", "conf", "-v")));
        assertFalse(m.matches("app", cmd("/bin/app", "-x", "conf")));
    }
}
