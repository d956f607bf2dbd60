package org.halo.launcher.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code halo demo}: creates namespaces, runs two Halo nodes (priority 150 and 100) and a client,
 * shows who holds the VIP, kills the master, reports the measured failover (VIP on the backup and
 * the client's first answer from it), restores the node, watches it preempt back and cleans up.
 * Needs root and the built distribution, nothing else. Options: {@code --signal KILL|TERM},
 * {@code --version 2|3}, {@code --advert SECONDS} (default v3, 0.1), {@code --daemon halo|keepalived}
 * (keepalived runs the same scenario with /usr/sbin/keepalived for comparison), {@code --halo PATH}.
 */
public final class Demo {
    private static final Pattern MONITOR = Pattern.compile("^\\[(\\S+)\\] (Deleted )?\\d+: \\S+\\s+inet (\\S+?)/");

    private final PrintStream out;
    private final Map<String, String> opts;
    private final List<Long> vipAdds = new ArrayList<>();
    private final ConcurrentLinkedQueue<String[]> answers = new ConcurrentLinkedQueue<>();

    private Demo(PrintStream out, Map<String, String> opts) {
        this.out = out;
        this.opts = opts;
    }

    /** Entry point used by the launcher for {@code halo demo [options]}; returns the exit code. */
    public static int run(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>(Map.of("signal", "KILL", "version", "3", "advert", "0.1", "daemon", "halo"));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: halo demo [--signal KILL|TERM] [--version 2|3] [--advert SECONDS] [--daemon halo|keepalived] [--halo PATH]");
                return 2;
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        if (!isRoot()) {
            System.err.println("halo demo needs root: it creates network namespaces (hdemo<pid>-*) and runs VRRP inside them");
            return 2;
        }
        try {
            return new Demo(System.out, opts).play();
        } catch (IOException | RuntimeException e) {
            System.err.println("demo failed: " + e.getMessage());
            return 1;
        }
    }

    private static boolean isRoot() {
        try {
            return "0".equals(DemoLab.run("id", "-u").strip());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int play() throws IOException {
        boolean halo = !"keepalived".equals(opts.get("daemon"));
        Path bin = halo ? haloBin() : Path.of("/usr/sbin/keepalived");
        if (!Files.isExecutable(bin)) {
            System.err.println("not found: " + bin + (halo ? " (build the distribution first, or pass --halo PATH)" : ""));
            return 2;
        }
        try (DemoLab lab = new DemoLab(2)) {
            out.printf("Halo demo: nodes %s-n1 (10.78.0.11, priority 150) and -n2 (10.78.0.12, priority 100), client %s-client;%n",
                    lab.ns("").replaceAll("-$", ""), lab.ns("").replaceAll("-$", ""));
            out.printf("VIP %s, VRRP v%s, advert %s s, daemon %s%n", DemoLab.VIP, opts.get("version"), opts.get("advert"), bin);
            for (int i = 1; i <= 2; i++) {
                lab.start("n" + i, "srv-n" + i, agent("serve", Integer.toString(DemoLab.PORT), "n" + i));
            }
            long t0 = DemoAgent.nowMicros();
            Process[] nodes = {null, start(lab, bin, halo, 1, 150), start(lab, bin, halo, 2, 100)};
            lab.stream("n2", List.of("ip", "-ts", "monitor", "address"), this::onMonitor);
            lab.stream("client", agent("probe", DemoLab.VIP, Integer.toString(DemoLab.PORT)), l -> answers.add(l.split(" ", 2)));
            if (!await(() -> lab.holders().equals(List.of(1)) && answeredBy("n1", 0).isPresent(), 30_000)) {
                out.println("n1 did not become MASTER within 30 s; holders " + lab.holders() + ". Logs: " + lab.dir());
                return 1;
            }
            out.printf("n1 is MASTER and holds %s; the client is answered by n1 (%.0f ms after start)%n", DemoLab.VIP,
                    (answeredBy("n1", 0).get() - t0) / 1000.0);
            // the two daemons start together, so n2 may hold the VIP briefly before n1 preempts it; fault only a
            // settled master, or the figure would measure the start-up race instead of a failover
            if (!awaitStable(() -> lab.holders().equals(List.of(1)), 2_000, 30_000)) {
                out.println("n1 did not stay the only holder for 2 s; holders " + lab.holders() + ". Logs: " + lab.dir());
                return 1;
            }

            String signal = opts.get("signal");
            out.printf("killing n1 with SIG%s ...%n", signal);
            long kill = DemoAgent.nowMicros();
            DemoLab.signalGroup(nodes[1], signal);
            if (!await(() -> answeredBy("n2", kill).isPresent(), 20_000)) {
                out.println("the client was never answered by n2; holders " + lab.holders() + ". Logs: " + lab.dir());
                return 1;
            }
            // the address monitor's line may still be on its way when the client's answer is already in
            await(() -> firstVipAdd(kill).isPresent(), 2_000);
            Optional<Long> vip = firstVipAdd(kill);
            out.printf("failover: VIP on n2 after %s ms, client answered by n2 after %.1f ms%n",
                    vip.map(v -> String.format("%.1f", (v - kill) / 1000.0)).orElse("?"), (answeredBy("n2", kill).get() - kill) / 1000.0);
            out.println("holders now: " + names(lab.holders()) + (lab.holders().size() > 1 ? " (a SIGKILLed daemon cannot remove its VIP; "
                    + "the restarted node removes it, as keepalived does)" : ""));

            waitExit(nodes[1]);
            out.println("restarting n1 ...");
            long restart = DemoAgent.nowMicros();
            nodes[1] = start(lab, bin, halo, 1, 150);
            if (!await(() -> lab.holders().equals(List.of(1)) && answeredBy("n1", restart).isPresent(), 30_000)) {
                out.println("n1 did not preempt back; holders " + lab.holders() + ". Logs: " + lab.dir());
                return 1;
            }
            out.printf("n1 preempted back: the client is answered by n1 %.1f ms after the restart%n", (answeredBy("n1", restart).get() - restart) / 1000.0);
            out.println("cleaning up (daemons stopped, namespaces deleted). Logs kept in " + lab.dir());
            return 0;
        }
    }

    private Process start(DemoLab lab, Path bin, boolean halo, int node, int priority) throws IOException {
        Path conf = lab.dir().resolve("n" + node + ".conf");
        Files.writeString(conf, conf(node, priority));
        Path run = lab.dir().resolve("run-n" + node);
        Files.createDirectories(run);
        try (var s = Files.list(run)) {
            s.filter(p -> p.toString().endsWith(".pid")).forEach(p -> p.toFile().delete());
        }
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "-n", "-l", "-D", "-G", "-f", conf.toString(), "-p", run.resolve("main.pid").toString(),
                "-r", run.resolve("vrrp.pid").toString(), "-c", run.resolve("checkers.pid").toString()));
        if (halo) {
            cmd.addAll(List.of("--name", "demo-n" + node, "--run-dir", run.toString(), "--state-dir", lab.dir().resolve("state-n" + node).toString()));
        }
        return lab.start("n" + node, "n" + node + (halo ? ".halo" : ".keepalived"), cmd);
    }

    private String conf(int node, int priority) {
        return "global_defs {\n  router_id n" + node + "\n}\nvrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n"
                + "  priority " + priority + "\n  version " + opts.get("version") + "\n  advert_int " + opts.get("advert") + "\n"
                + "  virtual_ipaddress {\n    " + DemoLab.VIP + "/24 dev eth0\n  }\n}\n";
    }

    /** bin/halo of this installation: -Dhalo.home, else the launcher jar's lib/.. directory. */
    private Path haloBin() {
        if (opts.containsKey("halo")) {
            return Path.of(opts.get("halo"));
        }
        String home = System.getProperty("halo.home");
        if (home != null) {
            return Path.of(home, "bin", "halo");
        }
        return Path.of(jar()).getParent().getParent().resolve("bin/halo");
    }

    private static String jar() {
        try {
            return Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> agent(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx24m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", jar(), DemoAgent.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void onMonitor(String line) {
        Matcher m = MONITOR.matcher(line);
        if (m.find() && m.group(2) == null && m.group(3).equals(DemoLab.VIP)) {
            var t = LocalDateTime.parse(m.group(1)).atZone(ZoneId.systemDefault()).toInstant();
            synchronized (vipAdds) {
                vipAdds.add(t.getEpochSecond() * 1_000_000L + t.getNano() / 1000);
            }
        }
    }

    private Optional<Long> firstVipAdd(long after) {
        synchronized (vipAdds) {
            return vipAdds.stream().filter(t -> t >= after).findFirst();
        }
    }

    private Optional<Long> answeredBy(String node, long after) {
        return answers.stream().filter(a -> a.length == 2 && a[1].equals(node)).map(a -> Long.parseLong(a[0])).filter(t -> t >= after).findFirst();
    }

    /** Waits until {@code condition} has held without a break for {@code stableMillis}. */
    private static boolean awaitStable(java.util.function.BooleanSupplier condition, long stableMillis, long millis) {
        long end = System.currentTimeMillis() + millis;
        long since = -1;
        while (System.currentTimeMillis() < end) {
            long now = System.currentTimeMillis();
            if (!condition.getAsBoolean()) {
                since = -1;
            } else if (since < 0) {
                since = now;
            } else if (now - since >= stableMillis) {
                return true;
            }
            DemoLab.sleep(20);
        }
        return false;
    }

    private static boolean await(java.util.function.BooleanSupplier condition, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            DemoLab.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static void waitExit(Process p) {
        try {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                DemoLab.signalGroup(p, "KILL");
                p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String names(List<Integer> nodes) {
        return nodes.isEmpty() ? "none" : String.join(", ", nodes.stream().map(i -> "n" + i).toList());
    }
}
