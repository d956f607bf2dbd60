package org.halo.check.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real /proc: copies of sleep under a name no other process has. */
class ProcessCheckerTest {

    @TempDir
    Path dir;
    private final ProcessChecker checker = new ProcessChecker();
    private Process a;
    private Process b;

    @AfterEach
    void stop() throws Exception {
        for (Process p : new Process[] {a, b}) {
            if (p != null) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        checker.deactivate();
    }

    private CheckResult check(Map<String, String> extra, String name) throws Exception {
        Map<String, String> props = new HashMap<>(extra);
        props.put("process", name);
        return checker.check(new CheckTarget("vrrp_track_process:t", Checker.VRRP_TRACK_PROCESS, Duration.ofSeconds(1), props))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void countsAgainstQuorumAndQuorumMax() throws Exception {
        String name = "hpc" + ProcessHandle.current().pid();
        Path exe = Files.copy(Path.of("/bin/sleep"), dir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        assertFalse(check(Map.of(), name).isSuccess(), "none running, quorum 1");
        assertTrue(check(Map.of("quorum_max", "0"), name).isSuccess(), "quorum_max 0: up while none runs");
        a = new ProcessBuilder(exe.toString(), "30").start();
        b = new ProcessBuilder(exe.toString(), "30").start();
        CheckResult two = check(Map.of("quorum", "2"), name);
        assertTrue(two.isSuccess(), two.detail());
        assertEquals("2 matching processes, quorum [2:]", two.detail());
        assertFalse(check(Map.of("quorum_max", "1"), name).isSuccess(), "more than quorum_max");
        assertTrue(check(Map.of("full_command", "true"), exe.toString()).isSuccess(), "argv[0] is the full path");
        b.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        assertTrue(check(Map.of("quorum_max", "1"), name).isSuccess());
        assertFalse(check(Map.of("quorum", "2"), name).isSuccess());
    }
}
