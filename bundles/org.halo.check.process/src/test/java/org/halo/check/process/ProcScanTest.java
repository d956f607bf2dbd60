package org.halo.check.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A made-up /proc: zombies, non-pid entries and a name with parentheses. */
class ProcScanTest {

    @TempDir
    Path proc;

    private void process(String pid, String comm, char state, String... argv) throws Exception {
        Path d = Files.createDirectories(proc.resolve(pid));
        Files.writeString(d.resolve("stat"), pid + " (" + comm + ") " + state + " 1 1 1 0 -1 4194560 123");
        Files.write(d.resolve("cmdline"), (String.join("\0", argv) + (argv.length > 0 ? "\0" : "")).getBytes(StandardCharsets.UTF_8));
    }

    private int count(Map<String, String> props) throws Exception {
        return ProcScan.count(proc, ProcessMatcher.from(new CheckTarget("t", Checker.VRRP_TRACK_PROCESS, Duration.ofSeconds(1), props)));
    }

    @Test
    void countsLiveMatchesOnly() throws Exception {
        process("10", "nginx", 'S', "nginx: master process");
        process("11", "nginx", 'S', "nginx: worker process");
        process("12", "nginx", 'Z');
        process("13", "we(x))", 'R', "/opt/we", "--flag");
        process("14", "haproxy", 'S', "/usr/sbin/haproxy", "-f", "/etc/haproxy.cfg");
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("sys"));
        assertEquals(2, count(Map.of("process", "nginx")), "the zombie does not count");
        assertEquals(1, count(Map.of("process", "we(x))")), "the name ends at the last parenthesis");
        assertEquals(1, count(Map.of("process", "/usr/sbin/haproxy -f /etc/haproxy.cfg")));
        assertEquals(0, count(Map.of("process", "/usr/sbin/haproxy", "param_match", "true")));
        assertEquals(1, count(Map.of("process", "/usr/sbin/haproxy -f", "param_match", "partial")));
    }
}
