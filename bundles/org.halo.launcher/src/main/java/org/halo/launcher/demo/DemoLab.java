package org.halo.launcher.demo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The demo's network: a bridge namespace, node namespaces and a client namespace on veth pairs,
 * named {@code hdemo<pid>-*}, addresses 10.78.0.0/24 inside them only. Everything it creates is
 * removed by {@link #close()} (also from a shutdown hook); namespaces left by an earlier demo
 * whose process is gone are removed first. The host's interfaces are never touched.
 */
final class DemoLab implements AutoCloseable {
    static final String FAMILY = "hdemo";
    static final String NET = "10.78.0";
    static final String VIP = NET + ".100";
    static final int PORT = 8080;

    private final String prefix = FAMILY + ProcessHandle.current().pid() + "-";
    private final Path dir;
    private final int nodes;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::cleanup, "halo-demo-cleanup");
    private boolean closed;

    DemoLab(int nodes) throws IOException {
        this.nodes = nodes;
        this.dir = Files.createTempDirectory("halo-demo-");
        sweepStale();
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String br = ns("br");
            run("ip", "netns", "add", br);
            run("ip", "-n", br, "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0", "mcast_snooping", "0");
            run("ip", "-n", br, "link", "set", "br0", "up");
            attach("client", NET + ".2");
            for (int i = 1; i <= nodes; i++) {
                attach("n" + i, NET + "." + (10 + i));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String ns(String node) {
        return prefix + node;
    }

    Path dir() {
        return dir;
    }

    static String nodeIp(int i) {
        return NET + "." + (10 + i);
    }

    private void attach(String node, String ip) {
        String ns = ns(node);
        run("ip", "netns", "add", ns);
        run("ip", "-n", ns("br"), "link", "add", "p-" + node, "type", "veth", "peer", "name", "eth0", "netns", ns);
        run("ip", "-n", ns("br"), "link", "set", "p-" + node, "master", "br0", "up");
        run("ip", "-n", ns, "link", "set", "lo", "up");
        run("ip", "-n", ns, "addr", "add", ip + "/24", "dev", "eth0");
        run("ip", "-n", ns, "link", "set", "eth0", "up");
    }

    /** Starts cmd inside node's namespace in its own session; output to dir/label.log. */
    Process start(String node, String label, List<String> cmd) {
        List<String> all = new ArrayList<>(List.of("setsid", "ip", "netns", "exec", ns(node)));
        all.addAll(cmd);
        try {
            Process p = new ProcessBuilder(all).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(label + ".log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            processes.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts cmd inside node's namespace and feeds its stdout lines to a consumer thread. */
    Process stream(String node, List<String> cmd, Consumer<String> lines) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns(node)));
        all.addAll(cmd);
        try {
            Process p = new ProcessBuilder(all).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            processes.add(p);
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.accept(line);
                    }
                } catch (IOException e) {
                    // ended
                }
            }, "halo-demo-" + node);
            t.setDaemon(true);
            t.start();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signals a started process's whole group (the daemon and anything it forked). */
    static void signalGroup(Process p, String signal) {
        tryRun("kill", "-s", signal, "--", "-" + p.pid());
    }

    /** Node indexes that have the VIP configured right now. */
    List<Integer> holders() {
        List<Integer> h = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            if (run("ip", "-j", "-n", ns("n" + i), "addr", "show").contains("\"local\":\"" + VIP + "\"")) {
                h.add(i);
            }
        }
        return h;
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", cmd) + "\n" + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void tryRun(String... cmd) {
        try {
            run(cmd);
        } catch (RuntimeException e) {
            // cleanup path: best effort
        }
    }

    private static void destroy(String ns) {
        for (String sig : List.of("TERM", "KILL")) {
            String pids;
            try {
                pids = run("ip", "netns", "pids", ns).strip();
            } catch (RuntimeException e) {
                return; // no such namespace
            }
            if (pids.isEmpty()) {
                break;
            }
            List<String> cmd = new ArrayList<>(List.of("kill", "-s", sig));
            cmd.addAll(Arrays.asList(pids.split("\\s+")));
            tryRun(cmd.toArray(String[]::new));
            sleep(300);
        }
        tryRun("ip", "netns", "del", ns);
    }

    private static void sweepStale() {
        for (String line : run("ip", "netns", "list").split("\n")) {
            String ns = line.strip().split(" ")[0];
            if (ns.startsWith(FAMILY)) {
                String pid = ns.substring(FAMILY.length()).replaceFirst("-.*", "");
                if (pid.chars().allMatch(Character::isDigit) && !pid.isEmpty() && !Files.exists(Path.of("/proc", pid))) {
                    destroy(ns);
                }
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void cleanup() {
        if (closed) {
            return;
        }
        closed = true;
        for (Process p : processes) {
            if (p.isAlive()) {
                signalGroup(p, "TERM");
            }
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    signalGroup(p, "KILL");
                    p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 1; i <= nodes; i++) {
            destroy(ns("n" + i));
        }
        destroy(ns("client"));
        destroy(ns("br"));
    }

    @Override
    public void close() {
        cleanup();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs this cleanup
        }
    }
}
