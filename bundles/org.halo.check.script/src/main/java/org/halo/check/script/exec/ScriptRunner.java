package org.halo.check.script.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Runs scripts the way keepalived does: each in its own process group ({@code setsid}), as the
 * configured user ({@code setpriv} when we are root), output discarded; on timeout SIGTERM goes to the
 * whole process group and, if it is still there after the grace period, SIGKILL (keepalived's
 * {@code misc_check_child_thread} / {@code misc_check_child_timeout_thread}).
 */
public final class ScriptRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScriptRunner.class.getName());

    /** How a run ended. {@code status} is the exit status, or 128+signal. */
    public record Exit(int status, boolean timedOut, boolean killed) {
    }

    private final ScheduledExecutorService timers;
    private final Duration killGrace;
    private final boolean root = ScriptUser.currentUid() == 0;

    public ScriptRunner(Duration killGrace) {
        this.killGrace = killGrace;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "halo-script-timer");
            t.setDaemon(true);
            return t;
        });
    }

    public boolean runningAsRoot() {
        return root;
    }

    /** Resolves argv[0] against PATH as execvp would. */
    public static Path resolve(String command) {
        if (command.contains("/")) {
            return Path.of(command);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return Path.of(command);
    }

    /**
     * Starts {@code argv} as {@code user}. The future completes with the exit; cancelling it kills the
     * process group like a timeout does.
     */
    public CompletableFuture<Exit> run(List<String> argv, ScriptUser user, Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        if (root && user.uid() != 0) {
            cmd.addAll(List.of("setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(), "--init-groups", "--"));
        }
        cmd.addAll(argv);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        AtomicBoolean killing = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Exit> result = new CompletableFuture<>();
        var timer = timers.schedule(() -> {
            timedOut.set(true);
            terminate(p, killing);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        p.onExit().whenComplete((proc, e) -> {
            timer.cancel(false);
            if (killing.get()) {
                // keepalived: after a forced SIGTERM make sure the script's children die too.
                signalGroup(p.pid(), "KILL");
            }
            result.complete(new Exit(p.exitValue(), timedOut.get(), killing.get()));
        });
        result.whenComplete((r, e) -> {
            if (e instanceof CancellationException) {
                terminate(p, killing);
            }
        });
        return result;
    }

    private void terminate(Process p, AtomicBoolean killing) {
        if (!p.isAlive() || !killing.compareAndSet(false, true)) {
            return;
        }
        signalGroup(p.pid(), "TERM");
        timers.schedule(() -> {
            if (p.isAlive()) {
                LOG.warning(() -> "Process [" + p.pid() + "] didn't respond to SIGTERM");
                signalGroup(p.pid(), "KILL");
                p.destroyForcibly();
            }
        }, killGrace.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Signals the process group led by {@code pid} (setsid made the script a group leader). */
    static void signalGroup(long pid, String signal) {
        try {
            Process k = new ProcessBuilder("kill", "-s", signal, "--", "-" + pid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            k.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
