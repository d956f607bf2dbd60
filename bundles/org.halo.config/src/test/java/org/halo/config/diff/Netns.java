package org.halo.config.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A scratch network namespace owned by the test (unique name prefix "hc{pid}-"), with veth interfaces under
 * the names the configurations use. Always deleted by {@link #close()}.
 */
final class Netns implements AutoCloseable {
    final String name;
    private final Set<String> interfaces = new HashSet<>();

    Netns(Collection<String> ifnames) throws IOException, InterruptedException {
        name = "hc" + ProcessHandle.current().pid() + "-ns";
        run(10, "ip", "netns", "del", name); // leftover of a killed earlier run with the same pid
        Result r = run(10, "ip", "netns", "add", name);
        if (r.code != 0) {
            throw new IOException("ip netns add failed: " + r.out);
        }
        try {
            run(10, "ip", "-n", name, "link", "set", "lo", "up");
            int i = 0;
            for (String ifn : ifnames) {
                String peer = "hcp" + i++;
                Result a = run(10, "ip", "-n", name, "link", "add", ifn, "type", "veth", "peer", "name", peer);
                if (a.code != 0) {
                    throw new IOException("cannot create " + ifn + ": " + a.out);
                }
                run(10, "ip", "-n", name, "link", "set", ifn, "up");
                run(10, "ip", "-n", name, "link", "set", peer, "up");
            }
            for (String l : run(10, "ip", "-n", name, "-o", "link", "show").out.split("\n")) {
                String[] p = l.split(":\\s+");
                if (p.length > 1) {
                    String n = p[1];
                    int at = n.indexOf('@');
                    interfaces.add(at > 0 ? n.substring(0, at) : n);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    boolean hasInterface(String n) {
        return interfaces.contains(n);
    }

    Result exec(int timeoutSec, String... cmd) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
        c.addAll(List.of(cmd));
        return run(timeoutSec, c.toArray(new String[0]));
    }

    @Override
    public void close() {
        try {
            run(10, "ip", "netns", "del", name);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Result(int code, String out) {
    }

    /** Runs a child process, merging stderr, and always reaps it. */
    static Result run(int timeoutSec, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n<timeout>");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
