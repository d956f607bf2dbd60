package org.halo.systest.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process running inside one lab namespace, in its own session and process group
 * ({@code setsid ip netns exec NS cmd...}: neither setsid nor ip forks, so the pid is the daemon's and
 * also its process-group id). Output goes to a log file. Signals go to the whole group, as an
 * operator's {@code systemctl kill} would, so forked helpers (keepalived's VRRP child) are hit too.
 */
public final class Daemon implements AutoCloseable {
    private final String name;
    private final String ns;
    private final List<String> command;
    private final Path log;
    private final Map<String, String> env;
    private Process process;
    private long startedMicros;

    Daemon(String name, String ns, List<String> command, Path log, Map<String, String> env) {
        this.name = name;
        this.ns = ns;
        this.command = List.copyOf(command);
        this.log = log;
        this.env = Map.copyOf(env);
    }

    public synchronized Daemon start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> all = new ArrayList<>(List.of("setsid", "ip", "netns", "exec", ns));
        all.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(all).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            startedMicros = Sh.nowMicros();
            process = pb.start();
            Reaper.javaChild(process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String name() {
        return name;
    }

    public String ns() {
        return ns;
    }

    public long pid() {
        return process.pid();
    }

    public long startedMicros() {
        return startedMicros;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Sends a signal (KILL, TERM, HUP, USR1, ...) to the daemon's process group. */
    public void signalGroup(String signal) {
        Sh.tryRun("kill", "-s", signal, "--", "-" + process.pid());
    }

    /** Sends a signal to the daemon's main process only. */
    public void signal(String signal) {
        Sh.tryRun("kill", "-s", signal, Long.toString(process.pid()));
    }

    /** Waits for the main process to exit; returns its exit code or null on timeout. */
    public Integer waitExit(long millis) {
        try {
            if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** TERM the group, then KILL after graceMillis; always leaves the group dead and reaped. */
    public synchronized void stop(long graceMillis) {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            signalGroup("TERM");
            if (waitExit(graceMillis) == null) {
                signalGroup("KILL");
                waitExit(5000);
            }
        }
        // forked children may outlive the leader; the group is gone only when kill -0 fails
        signalGroup("KILL");
        Reaper.reapOrphans();
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile() {
        return log;
    }

    /** Waits until the log contains text (after the given offset). */
    public boolean awaitLog(String text, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (log().contains(text)) {
                return true;
            }
            Sh.sleep(20);
        }
        return false;
    }

    @Override
    public void close() {
        stop(3000);
    }

    @Override
    public String toString() {
        return name + "@" + ns + (process == null ? "" : " pid " + process.pid());
    }
}
