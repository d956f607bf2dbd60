package org.halo.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.halo.linux.internal.LibC;

/**
 * A network namespace a test creates and always deletes. Java code runs "inside" it on a dedicated
 * thread that has called setns(2): only that thread changes namespace, and every descriptor it opens
 * stays in the namespace. Names carry the prefix {@code he<pid>-} so nothing collides with other
 * helpers' or the host's namespaces.
 */
public final class Netns implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final String PREFIX = "he" + ProcessHandle.current().pid() + "-";

    public final String name;
    private final ExecutorService thread;

    private Netns(String name) {
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netns-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Skips (JUnit assumption) when not root, except on CI (CI=true) where the test must run. */
    public static void requireRoot() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(root || ci, "needs root to create network namespaces");
    }

    public static Netns create(String suffix) throws Exception {
        removeStale();
        String name = PREFIX + COUNTER.incrementAndGet() + suffix;
        run("ip", "netns", "add", name);
        Netns ns = new Netns(name);
        try {
            ns.call(() -> {
                int fd = LibC.INSTANCE.open("/run/netns/" + name, LibC.O_RDONLY | LibC.O_CLOEXEC);
                try {
                    LibC.INSTANCE.setns(fd, LibC.CLONE_NEWNET);
                } finally {
                    LibC.INSTANCE.close(fd);
                }
                return null;
            });
            ns.ip("link", "set", "lo", "up");
        } catch (Exception e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    private static final java.util.regex.Pattern OURS = java.util.regex.Pattern.compile("he(\\d+)-\\S+");
    private static volatile boolean staleRemoved;

    /**
     * Deletes namespaces this test helper left behind in an earlier run whose JVM was killed before
     * its cleanup ran: only names of the form he&lt;pid&gt;-... whose pid is no longer alive.
     */
    private static synchronized void removeStale() throws IOException, InterruptedException {
        if (staleRemoved) {
            return;
        }
        staleRemoved = true;
        for (String line : run("ip", "netns", "list").split("\n")) {
            var m = OURS.matcher(line.trim().split(" ")[0]);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                run("ip", "netns", "del", m.group());
            }
        }
    }

    /** A veth pair with one end in each namespace; DAD off so IPv6 link-local addresses work at once. */
    public static void veth(Netns a, String nameA, Netns b, String nameB) throws Exception {
        for (Netns n : List.of(a, b)) {
            n.exec("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
        }
        run("ip", "link", "add", nameA, "netns", a.name, "type", "veth", "peer", "name", nameB, "netns", b.name);
    }

    /** Runs code on this namespace's thread. */
    public <T> T call(Callable<T> c) throws Exception {
        try {
            return thread.submit(c).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** {@code ip -n <ns> args...}, returning stdout. */
    public String ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    /** {@code ip netns exec <ns> args...}, returning stdout. */
    public String exec(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    /** Starts a long-running child inside the namespace (the caller must destroy and reap it). */
    public Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    public static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            run("ip", "netns", "del", name);
        } catch (IOException | InterruptedException e) {
            System.err.println("could not delete namespace " + name + ": " + e.getMessage());
        }
    }
}
