package org.halo.systest.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VRRP lab in network namespaces, created for one test run and always deleted.
 *
 * <pre>
 *  PREFIX-br:  br0 (stp off, forward_delay 0, mcast_snooping 0)
 *               +- p-c  --- PREFIX-c:  eth0 10.77.0.2/24  fd77::2/64   02:77:00:00:00:02 (client, observer)
 *               +- p-n1 --- PREFIX-n1: eth0 10.77.0.11/24 fd77::11/64  02:77:00:00:00:11
 *               +- p-nN --- PREFIX-nN: eth0 10.77.0.(10+N)
 * </pre>
 *
 * The prefix is {@code hf<pid>-}, unique per JVM. At creation, namespaces of the same family whose
 * creating JVM is gone are swept. Cleanup runs from {@link #close()} and from a shutdown hook; it
 * kills every process still in our namespaces (by pid) and deletes the namespaces. The host's own
 * interfaces are never touched: every address lives inside these namespaces.
 */
public final class Lab implements AutoCloseable {
    public static final String FAMILY = "hf";
    public static final String NET = "10.77.0";
    public static final String NET6 = "fd77::";
    public static final String VIP = NET + ".100";
    public static final String VIP6 = NET6 + "100";
    public static final int PORT = 8080;
    private static final Pattern OURS = Pattern.compile(FAMILY + "(\\d+)(x\\d+)?-.*");
    private static int labCounter;

    /** One node namespace. */
    public record Node(int index, String ns, String ip, String ip6, String mac) {
        public String name() {
            return "n" + index;
        }
    }

    private final String prefix;
    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();
    private final String clientNs;
    private final String bridgeNs;
    private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();
    private final Thread hook;
    private volatile boolean closed;

    private Lab(int n, Path baseDir) {
        long pid = ProcessHandle.current().pid();
        int seq;
        synchronized (Lab.class) {
            seq = ++labCounter;
        }
        this.prefix = FAMILY + pid + "x" + seq + "-";
        this.dir = baseDir.resolve(prefix.substring(0, prefix.length() - 1));
        this.bridgeNs = prefix + "br";
        this.clientNs = prefix + "c";
        for (int i = 1; i <= n; i++) {
            nodes.add(new Node(i, prefix + "n" + i, NET + "." + (10 + i), NET6 + (10 + i), String.format("02:77:00:00:00:%02d", 10 + i)));
        }
        this.hook = new Thread(this::cleanup, "lab-cleanup-" + prefix);
    }

    /** True when this process may create namespaces. */
    public static boolean canRun() {
        return Sh.isRoot();
    }

    /** Creates the lab with n nodes, a client and a TCP server on every node. */
    public static Lab create(int n, Path baseDir) {
        Reaper.start();
        sweepStale();
        Lab lab = new Lab(n, baseDir);
        Runtime.getRuntime().addShutdownHook(lab.hook);
        try {
            lab.build();
            return lab;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    private void build() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sh.run("ip", "netns", "add", bridgeNs);
        Sh.run("ip", "-n", bridgeNs, "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0", "mcast_snooping", "0");
        Sh.run("ip", "-n", bridgeNs, "link", "set", "br0", "up");
        attach(clientNs, "p-c", NET + ".2", NET6 + "2", "02:77:00:00:00:02");
        for (Node node : nodes) {
            attach(node.ns(), "p-" + node.name(), node.ip(), node.ip6(), node.mac());
        }
        for (Node node : nodes) {
            Daemon srv = daemon("srv", node, NsAgent.command("serve", Integer.toString(PORT), node.name()));
            srv.start();
        }
    }

    private void attach(String ns, String port, String ip, String ip6, String mac) {
        Sh.run("ip", "netns", "add", ns);
        Sh.run("ip", "-n", bridgeNs, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        Sh.run("ip", "-n", bridgeNs, "link", "set", port, "master", "br0", "up");
        Sh.inNs(ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0", "net.ipv6.conf.eth0.accept_dad=0");
        Sh.run("ip", "-n", ns, "link", "set", "lo", "up");
        Sh.run("ip", "-n", ns, "link", "set", "eth0", "address", mac);
        Sh.run("ip", "-n", ns, "addr", "add", ip + "/24", "dev", "eth0");
        Sh.run("ip", "-n", ns, "-6", "addr", "add", ip6 + "/64", "dev", "eth0", "nodad");
        Sh.run("ip", "-n", ns, "link", "set", "eth0", "up");
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public Node node(int index) {
        return nodes.get(index - 1);
    }

    public String clientNs() {
        return clientNs;
    }

    public String prefix() {
        return prefix;
    }

    public Path dir() {
        return dir;
    }

    /** Creates (does not start) a daemon in a node; stopped when the lab closes. */
    public Daemon daemon(String name, Node node, List<String> cmd) {
        return daemon(name, node.ns(), node.name(), cmd, Map.of());
    }

    public Daemon daemon(String name, String ns, String label, List<String> cmd, Map<String, String> env) {
        Daemon d = new Daemon(name, ns, cmd, dir.resolve("logs").resolve(label + "." + name + ".log"), env);
        owned.add(d);
        return d;
    }

    /** Registers a helper (probe, capture, watch) to close before the namespaces go away. */
    public <T extends AutoCloseable> T own(T helper) {
        owned.add(helper);
        return helper;
    }

    public Path file(String name) {
        Path p = dir.resolve(name);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Nodes that currently have the address configured on any interface (ip -j addr). */
    public Set<Integer> holders(String address) {
        Set<Integer> result = new LinkedHashSet<>();
        for (Node node : nodes) {
            String json = Sh.run("ip", "-j", "-n", node.ns(), "addr", "show");
            if (json.contains("\"local\":\"" + address + "\"")) {
                result.add(node.index());
            }
        }
        return result;
    }

    /** Waits until exactly the expected node set holds the address. */
    public boolean awaitHolders(String address, Set<Integer> expected, long millis) {
        long end = System.currentTimeMillis() + millis;
        do {
            if (holders(address).equals(expected)) {
                return true;
            }
            Sh.sleep(25);
        } while (System.currentTimeMillis() < end);
        return false;
    }

    public void link(Node node, boolean up) {
        link(node, "eth0", up);
    }

    public void link(Node node, String ifname, boolean up) {
        Sh.run("ip", "-n", node.ns(), "link", "set", ifname, up ? "up" : "down");
    }

    /**
     * Gives a node a second interface, {@code eth1} (a veth pair whose both ends stay in the node's
     * namespace), for track_interface tests: taking it down changes nothing else on the node.
     */
    public void addTrackLink(Node node) {
        Sh.run("ip", "-n", node.ns(), "link", "add", "eth1", "type", "veth", "peer", "name", "eth1p");
        Sh.run("ip", "-n", node.ns(), "link", "set", "eth1p", "up");
        Sh.run("ip", "-n", node.ns(), "link", "set", "eth1", "up");
    }

    /**
     * Drops pct % of inbound VRRP (IP protocol 112) in a node with nftables; 0 removes the rule.
     */
    public void vrrpLoss(Node node, int pct) {
        dropVrrp(node.ns(), "inet", "input", "nft-" + node.name() + ".nft", pct);
    }

    /**
     * Drops PCT % of the VRRP packets the bridge forwards, each copy to each port drawn on its own (0 removes
     * the rule). Unlike {@link #vrrpLoss}, a capture in a node then tells sent from delivered: a node's own
     * interface shows everything it sent and only what was delivered to it.
     */
    public void vrrpLossOnBridge(int pct) {
        dropVrrp(bridgeNs, "bridge", "forward", "nft-bridge.nft", pct);
    }

    /** (Re)places the table {@code FAMILY halolab} in ns: PCT % of VRRP dropped in the hook; 0 removes it. */
    private void dropVrrp(String ns, String family, String hook, String fileName, int pct) {
        Sh.tryRun("ip", "netns", "exec", ns, "nft", "delete", "table", family, "halolab");
        if (pct <= 0) {
            return;
        }
        String rules = "table " + family + " halolab {\n chain " + hook + " {\n  type filter hook " + hook
                + " priority -10; policy accept;\n  meta l4proto 112 numgen random mod 100 < " + pct + " counter drop\n }\n}\n";
        Path f = file(fileName);
        try {
            Files.writeString(f, rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sh.inNs(ns, "nft", "-f", f.toString());
    }

    /** Drops all inbound VRRP in a node (or removes the block). */
    public void vrrpBlock(Node node, boolean block) {
        vrrpLoss(node, block ? 100 : 0);
    }

    /** Deletes stale namespaces of our family whose creating JVM is gone. */
    public static void sweepStale() {
        for (String ns : listNamespaces()) {
            Matcher m = OURS.matcher(ns);
            if (m.matches() && !Files.exists(Path.of("/proc", m.group(1)))) {
                destroyNamespace(ns);
            }
        }
    }

    static List<String> listNamespaces() {
        Sh.Result r = Sh.exec(List.of("ip", "netns", "list"));
        List<String> names = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                names.add(line.strip().split(" ")[0]);
            }
        }
        return names;
    }

    /** Kills whatever still runs in ns (by pid, TERM then KILL) and deletes it. */
    static void destroyNamespace(String ns) {
        for (String sig : List.of("TERM", "KILL")) {
            String pids = Sh.tryRun("ip", "netns", "pids", ns).out().strip();
            if (pids.isEmpty()) {
                break;
            }
            List<String> cmd = new ArrayList<>(List.of("kill", "-s", sig));
            cmd.addAll(Arrays.asList(pids.split("\\s+")));
            Sh.tryRun(cmd.toArray(String[]::new));
            Sh.sleep(sig.equals("TERM") ? 300 : 100);
        }
        Reaper.reapOrphans();
        Sh.tryRun("ip", "netns", "del", ns);
    }

    private synchronized void cleanup() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("lab cleanup: " + e);
            }
        }
        for (Node node : nodes) {
            destroyNamespace(node.ns());
        }
        destroyNamespace(clientNs);
        destroyNamespace(bridgeNs);
    }

    @Override
    public void close() {
        cleanup();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is this very cleanup
        }
    }
}
