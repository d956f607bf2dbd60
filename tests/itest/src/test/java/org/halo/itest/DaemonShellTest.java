package org.halo.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real daemon: {@code bin/halo -n -l} started as a child of this test (inside a network namespace the
 * test creates, when root), driven with {@code bin/halo shell -c}, stopped with SIGTERM and reaped.
 */
class DaemonShellTest {

    private static final Path DIST = Path.of(System.getProperty("halo.distribution"));
    private static final String NS = "hi" + ProcessHandle.current().pid() + "-shell";
    private static Path tmp;
    private static Path runDir;
    private static Path log;
    private static Process daemon;
    private static boolean netns;

    @BeforeAll
    static void startDaemon() throws Exception {
        tmp = Files.createTempDirectory("halo-it");
        runDir = tmp.resolve("run");
        log = tmp.resolve("daemon.log");
        Path conf = Files.writeString(tmp.resolve("keepalived.conf"), "global_defs {\n    router_id itest\n}\n");
        List<String> cmd = new ArrayList<>();
        netns = isRoot();
        if (netns) {
            run("ip", "netns", "add", NS);
            run("ip", "-n", NS, "link", "set", "lo", "up");
            cmd.addAll(List.of("ip", "netns", "exec", NS)); // execs bin/halo: same pid, so SIGTERM reaches java
        }
        // started as nohup and a script's background job start it: SIGHUP, SIGINT and SIGTERM ignored (the shell
        // execs bin/halo: still the same pid)
        cmd.addAll(List.of("sh", "-c", "trap '' HUP INT TERM; exec \"$@\"", "sh"));
        cmd.addAll(List.of(DIST.resolve("bin/halo").toString(), "-n", "-l", "-G", "--name", "itest",
                "--run-dir", runDir.toString(), "--state-dir", tmp.resolve("state").toString(), "-f", conf.toString()));
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path socket = runDir.resolve("shell/shell.sock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(socket)) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("daemon did not open its shell socket:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        try {
            if (daemon != null && daemon.isAlive()) {
                daemon.destroyForcibly();
                daemon.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            if (netns) {
                run("ip", "netns", "del", NS);
            }
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void shellListsFrameworkServicesAndHaloBundlesActive() throws Exception {
        Result r = halo("shell", "--run-dir", runDir.toString(), "-c", "lb");
        assertEquals(0, r.code, r.err);
        for (String name : List.of("Apache Felix Declarative Services", "Apache Felix Configuration Admin Service",
                "Apache Felix File Install", "Halo API", "Halo shell")) {
            assertTrue(r.out.lines().anyMatch(l -> l.contains(name) && l.contains("|Active")), name + " not Active in\n" + r.out);
        }
        List<String> halo = r.out.lines().filter(l -> l.contains("|Halo ")).toList();
        assertTrue(halo.size() >= 5, r.out);
        for (String l : halo) {
            assertTrue(l.contains("|Active"), "not active: " + l + "\n" + log());
        }
    }

    /** keepalived reloads on SIGHUP whatever disposition it inherited; so must Halo when started under nohup. */
    @Test
    void sighupReloadsThoughStartedWithSignalsIgnored() throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).inheritIO().start().waitFor());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!log().contains("Reloading") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String text = log();
        assertTrue(text.contains("Received SIGHUP") && text.contains("Reloading"), text);
        assertFalse(text.contains("was ignored when Halo started"), text);
        assertTrue(daemon.isAlive(), text);
    }

    @Test
    void shellFailsWithNonZeroExitOnABadCommand() throws Exception {
        Result r = halo("shell", "--run-dir", runDir.toString(), "-c", "no-such-command");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("no-such-command"), r.err);
    }

    @Test
    void shellSocketIsRootOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir.resolve("shell/shell.sock"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir.resolve("shell"))));
    }

    @Test
    void shellReadsCommandsFromAPipe() throws Exception {
        Process p = new ProcessBuilder(DIST.resolve("bin/halo").toString(), "shell", "--run-dir", runDir.toString()).start();
        p.getOutputStream().write("x = 41\n$x\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + err);
        assertTrue(out.lines().anyMatch(l -> l.trim().equals("41")), "session variables persist:\n" + out);
    }

    /** On a terminal (a pty from util-linux script(1)) the shell is interactive: prompt, line editing. */
    @Test
    void interactiveShellOnATerminal() throws Exception {
        String halo = "stty cols 120 rows 40; " + DIST.resolve("bin/halo") + " shell --run-dir " + runDir;
        Process p = new ProcessBuilder("script", "-q", "-e", "-c", halo, "/dev/null").redirectErrorStream(true).start();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                byte[] buf = new byte[4096];
                for (int n; (n = p.getInputStream().read(buf)) > 0; ) {
                    out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                out.append(e);
            }
        });
        reader.start();
        try {
            awaitText(out, "halo> ");
            // Typed once jline owns the terminal: "lx", backspace, "b" is edited into "lb".
            p.getOutputStream().write("lx\u007fb\r".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            awaitText(out, "Apache Felix Declarative Services");
            p.getOutputStream().write("exit\r".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), out.toString());
            assertEquals(0, p.exitValue(), out.toString());
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
        }
    }

    private static void awaitText(StringBuffer out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (out.indexOf(text) < 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in:\n" + out);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void versionPrintsTheVersion() throws Exception {
        Result r = halo("--version");
        assertEquals(0, r.code);
        assertTrue((r.out + r.err).contains("Halo v" + System.getProperty("halo.version")), r.out + r.err);
    }

    @Test
    void pidFileHoldsTheDaemonPid() throws Exception {
        assertEquals(Long.toString(daemon.pid()), Files.readString(runDir.resolve("halo.pid")).trim());
    }

    /** Last, by name order is not guaranteed; so this test starts and stops its own second daemon. */
    @Test
    void sigtermStopsCleanlyAndRemovesThePidFile() throws Exception {
        Path run2 = tmp.resolve("run2");
        Path log2 = tmp.resolve("daemon2.log");
        List<String> cmd = new ArrayList<>();
        if (netns) {
            cmd.addAll(List.of("ip", "netns", "exec", NS));
        }
        cmd.addAll(List.of(DIST.resolve("bin/halo").toString(), "-n", "-l", "-G", "--name", "itest2", "--run-dir",
                run2.toString(), "--state-dir", tmp.resolve("state2").toString(), "-f", tmp.resolve("keepalived.conf").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log2.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(run2.resolve("shell/shell.sock")) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(run2.resolve("halo.pid")), Files.readString(log2));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
            assertFalse(Files.exists(run2.resolve("halo.pid")), "pid file removed");
            String out = Files.readString(log2);
            assertTrue(out.contains("Stopped Halo"), out);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private record Result(int code, String out, String err) {}

    private static Result halo(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/halo").toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            throw new IllegalStateException("halo " + String.join(" ", args) + " hung");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String log() throws IOException {
        return Files.readString(log);
    }

    private static boolean isRoot() throws IOException {
        return Files.readString(Path.of("/proc/self/status")).lines()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
