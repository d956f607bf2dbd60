package org.halo.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code bin/halo -n -l -D -f keepalived.conf} in a network namespace of its own (named with the test's pid,
 * always deleted): one veth end {@code eth0} with an address, the daemon's log, and its shell.
 */
final class HaloInNamespace implements AutoCloseable {
    static final Path DIST = Path.of(System.getProperty("halo.distribution"));

    final String ns;
    final Path tmp;
    final Path runDir;
    final Path log;
    private Process daemon;

    /** Skips without root, but fails under CI=true: the test must not pass by skipping there. */
    static void requireRoot() throws IOException {
        boolean root = Files.readString(Path.of("/proc/self/status")).lines()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
        if (!root) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true forbids skipping: this test needs root for a network namespace");
            }
            Assumptions.assumeTrue(false, "needs root for a network namespace");
        }
    }

    HaloInNamespace(String suffix, String address) throws Exception {
        ns = "hi" + ProcessHandle.current().pid() + "-" + suffix;
        tmp = Files.createTempDirectory("halo-" + suffix);
        runDir = tmp.resolve("run");
        log = tmp.resolve("daemon.log");
        run("ip", "netns", "add", ns);
        run("ip", "-n", ns, "link", "set", "lo", "up");
        run("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "eth1");
        run("ip", "-n", ns, "addr", "add", address, "dev", "eth0");
        run("ip", "-n", ns, "link", "set", "eth0", "up");
        run("ip", "-n", ns, "link", "set", "eth1", "up");
    }

    /** Starts the daemon on {@code conf} (written into the temporary directory). */
    void start(String name, String conf) throws IOException {
        Path file = Files.writeString(conf(), conf);
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, DIST.resolve("bin/halo").toString(), "-n", "-l",
                "-D", "-G", "--name", name, "--run-dir", runDir.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--deploy-dir", tmp.resolve("deploy").toString(), "-f", file.toString()));
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    Path conf() {
        return tmp.resolve("keepalived.conf");
    }

    long pid() {
        return daemon.pid();
    }

    String shell(String command) throws Exception {
        Process p = new ProcessBuilder(DIST.resolve("bin/halo").toString(), "shell", "--run-dir", runDir.toString(), "-c",
                command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " hung");
        assertEquals(0, p.exitValue(), command + ": " + out + err);
        return out;
    }

    String shellQuiet(String command) {
        try {
            return shell(command);
        } catch (Exception | AssertionError e) {
            return "";
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    void await(BooleanSupplier condition, long millis, String what) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what + "\n" + logText());
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    /** Stops the daemon, deletes the namespace and the temporary directory. */
    @Override
    public void close() throws Exception {
        try {
            if (daemon != null) {
                daemon.destroy();
                if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                    daemon.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            new ProcessBuilder("ip", "netns", "del", ns).start().waitFor();
            try (var s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
