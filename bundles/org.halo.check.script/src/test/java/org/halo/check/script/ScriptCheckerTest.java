package org.halo.check.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.halo.check.script.exec.ScriptLine;
import org.halo.check.script.exec.ScriptSecurity;
import org.halo.check.script.exec.ScriptUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCheckerTest {

    @TempDir
    Path dir;

    private final ScriptChecker checker = new ScriptChecker(
            new ScriptSettings(ScriptUser.ROOT, true, Duration.ofMillis(300)));

    @AfterEach
    void close() {
        checker.deactivate();
    }

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private CheckResult run(String type, Map<String, String> props, long timeoutMs) throws Exception {
        return checker.check(new CheckTarget("t", type, Duration.ofMillis(timeoutMs), props))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void splitsLikeKeepalived() {
        assertEquals(List.of("/bin/check", "a b", "c", "d'e"), ScriptLine.split("/bin/check 'a b'  c \"d'e\""));
        assertEquals(List.of("x\\y"), ScriptLine.split("x\\\\y"));
        assertThrows(IllegalArgumentException.class, () -> ScriptLine.split("a 'b"));
    }

    @Test
    void vrrpScriptExitStatusDecides() throws Exception {
        Path ok = script("ok.sh", "exit 0");
        Path bad = script("bad.sh", "exit 3");
        assertEquals(CheckResult.Outcome.SUCCESS, run("VRRP_SCRIPT", Map.of("script", ok.toString()), 5000).outcome());
        CheckResult r = run("VRRP_SCRIPT", Map.of("script", bad.toString()), 5000);
        assertEquals(CheckResult.Outcome.FAILURE, r.outcome());
        assertEquals("exit 3", r.detail());
    }

    @Test
    void argumentsArePassed() throws Exception {
        Path s = script("args.sh", "[ \"$1\" = 'a b' ] && [ \"$2\" = c ]");
        assertTrue(run("VRRP_SCRIPT", Map.of("script", s + " 'a b' c"), 5000).isSuccess());
        assertFalse(run("VRRP_SCRIPT", Map.of("script", s + " a b c"), 5000).isSuccess());
    }

    @Test
    void miscDynamicWeightsFromExitCodes() throws Exception {
        Path s = script("dyn.sh", "exit $1");
        Map<String, String> dyn = new HashMap<>(Map.of("misc_dynamic", ""));
        dyn.put("misc_path", s + " 12");
        CheckResult r = run("MISC_CHECK", dyn, 5000);
        assertTrue(r.isSuccess());
        assertEquals(10, r.weight());
        dyn.put("misc_path", s + " 1");
        assertEquals(CheckResult.Outcome.FAILURE, run("MISC_CHECK", dyn, 5000).outcome());
        dyn.put("misc_path", s + " 0");
        assertEquals(CheckResult.NO_WEIGHT, run("MISC_CHECK", dyn, 5000).weight());
        // Without misc_dynamic, 12 is a plain failure.
        assertEquals(CheckResult.Outcome.FAILURE, run("MISC_CHECK", Map.of("misc_path", s + " 12"), 5000).outcome());
    }

    @Test
    void timeoutTermsThenKillsTheWholeProcessGroup() throws Exception {
        Subreaper.become();
        Path pidFile = dir.resolve("child.pid");
        // Ignores SIGTERM and leaves a child behind: only SIGKILL to the group gets rid of both.
        Path s = script("hang.sh", "trap '' TERM\nsleep 60 &\necho $! > " + pidFile + "\nwhile :; do sleep 0.05; done");
        long t0 = System.nanoTime();
        CheckResult r = run("MISC_CHECK", Map.of("misc_path", s.toString()), 300);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(CheckResult.Outcome.TIMEOUT, r.outcome());
        assertTrue(r.detail().contains("killed"), r.detail());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        // The orphaned child is ours (subreaper): waitpid returns once it is dead; SIGKILL is signal 9.
        int status = Subreaper.reap(child);
        if (status != -1) { // -1: the dying script reaped it first; it is gone either way (checked below)
            assertEquals(9, status & 0x7f, "child of the script was SIGKILLed with its group, wait status " + status);
        }
        assertFalse(isRunning(child));
        System.out.printf("script ignoring SIGTERM: result after %d ms (timeout 300 ms, grace 300 ms)%n", ms);
    }

    /** A killed child not reaped by its (dead) parent is a zombie: count it as gone. */
    private static boolean isRunning(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String s = Files.readString(stat);
        return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
    }

    @Test
    void runsAsConfiguredUser() throws Exception {
        Path out = dir.resolve("uid");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path s = script("who.sh", "id -u > " + out);
        // Security on: the script itself is root-owned and not writable by others; /tmp-like dir is
        // world-writable but the script does not run as root here, so it is allowed.
        CheckResult r = run("VRRP_SCRIPT", Map.of("script", s.toString(), "user", "nobody"), 5000);
        assertTrue(r.isSuccess(), r.detail());
        if (ScriptUser.currentUid() == 0) {
            assertEquals("65534", Files.readString(out).trim());
        }
    }

    @Test
    void scriptSecurityRefusesScriptsWritableByOthersWhenRunningAsRoot() throws Exception {
        Path s = script("open.sh", "exit 0");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(ScriptSecurity.insecureReason(s).isPresent());
        CheckResult r = run("VRRP_SCRIPT", Map.of("script", s.toString()), 5000);
        if (ScriptUser.currentUid() == 0) {
            assertEquals(CheckResult.Outcome.FAILURE, r.outcome());
            assertTrue(r.detail().startsWith("insecure script"), r.detail());
        }
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(run("VRRP_SCRIPT", Map.of("script", s.toString()), 5000).isSuccess());
    }

    @Test
    void missingScriptIsAFailureNotACrash() throws Exception {
        CheckResult r = run("MISC_CHECK", Map.of(), 1000);
        assertEquals(CheckResult.Outcome.FAILURE, r.outcome());
        assertEquals(CheckResult.Outcome.FAILURE,
                run("MISC_CHECK", Map.of("misc_path", dir.resolve("nope").toString()), 1000).outcome());
    }
}
