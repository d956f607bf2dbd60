package org.halo.systest.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short observer/setup commands (ip, nft, kill) and returns their output; fails loudly. */
public final class Sh {
    private Sh() {
    }

    /** Result of one command. */
    public record Result(int exit, String out, String err) {
    }

    public static Result exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            // drain stderr on a helper thread so a chatty command cannot block on a full pipe
            var errBuf = new StringBuilder();
            Thread errThread = new Thread(() -> {
                try {
                    errBuf.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process went away; nothing more to read
                }
            });
            errThread.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + String.join(" ", cmd));
            }
            errThread.join(5000);
            return new Result(p.exitValue(), out, errBuf.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs cmd and returns stdout; throws when it exits non-zero. */
    public static String run(String... cmd) {
        Result r = exec(Arrays.asList(cmd));
        if (r.exit() != 0) {
            throw new IllegalStateException("command failed (" + r.exit() + "): " + String.join(" ", cmd) + "\n" + r.err().strip());
        }
        return r.out();
    }

    /** Runs cmd and ignores failure (cleanup paths). */
    public static Result tryRun(String... cmd) {
        try {
            return exec(Arrays.asList(cmd));
        } catch (RuntimeException e) {
            return new Result(-1, "", String.valueOf(e));
        }
    }

    /** ip netns exec NS cmd... */
    public static String inNs(String ns, String... cmd) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(Arrays.asList(cmd));
        return run(all.toArray(String[]::new));
    }

    /** Wall-clock microseconds; comparable with tcpdump -tt and ip -ts timestamps. */
    public static long nowMicros() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    public static boolean isRoot() {
        try {
            return "0".equals(run("id", "-u").strip());
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
