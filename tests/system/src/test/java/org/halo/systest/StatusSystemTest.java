package org.halo.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.halo.systest.lab.Daemon;
import org.halo.systest.lab.Lab;
import org.halo.systest.lab.LogCheck;
import org.halo.systest.lab.Sh;
import org.halo.systest.lab.VrrpConf;
import org.halo.systest.lab.VrrpDaemons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: SIGUSR1, SIGUSR2 and keepalived's JSON signal write /tmp/keepalived.{data,stats,json} in
 * keepalived's formats. A real keepalived 2.2.7 and the Halo daemon (bin/halo) run the same
 * keepalived.conf on one segment (v2 PASS and v3 IPv6 instances in a sync group, a v3 unicast instance
 * with track_script and track_interface, a v2 instance with preempt_delay, a labelled VIP and a reversed
 * track_interface): n1 Halo priority 150, n2 keepalived 120, n3 Halo 100. The
 * files of a keepalived BACKUP are compared with a Halo BACKUP's, then (n1 stopped) those of a keepalived
 * MASTER with the Halo MASTER's: same sections, same keys in the same order per instance, group and
 * script (data; minus what docs/daemon-runtime.md lists as absent from Halo), same lines (stats), same
 * keys (JSON); the address and tracking lines are the same text. Every daemon gets a private /tmp (a bind mount in its own mount namespace), so nothing is
 * written to the host's /tmp and the nodes' files do not overwrite each other.
 */
class StatusSystemTest {
    /** Sections Halo does not write (socket pool and interface table are the kernel layer's). */
    private static final Set<String> ABSENT_SECTIONS = Set.of("VRRP Sockpool", "VRRP Track files", "VRRP Track processes", "Interfaces");
    /** Global definitions Halo writes; keepalived's others describe its own internals. */
    private static final Set<String> GLOBAL_KEYS = Set.of("Network namespace", "Router ID", "VRRP IPv4 mcast group", "VRRP IPv6 mcast group");
    /** Instance and script keys Halo has no value for. */
    private static final Set<String> ABSENT_KEYS = Set.of("Read timeout", "fd_in", "Script uid:gid");
    private static final Pattern JSON_KEY = Pattern.compile("\"([a-z_]+)\":");
    private static final Pattern INAME = Pattern.compile("\"iname\":\"([^\"]+)\"");

    @BeforeEach
    void root() {
        SystemTestSupport.requireRoot();
        if (!VrrpDaemons.haloAvailable()) {
            fail("bin/halo not found (" + VrrpDaemons.haloBin() + "): build the distribution first");
        }
    }

    private static VrrpConf conf(Lab lab, Lab.Node node, int prio) {
        VrrpConf c = new VrrpConf(node.name()).script("chk_up", "/bin/true", 1, -20).syncGroup("G1", "VI_1", "VI_6");
        c.instance("VI_1", 51, prio).version(2).advert("1").authPass("s3cret");
        c.instance("VI_6", 52, prio).version(3).advert("0.1").vips(Lab.VIP6 + "/64 dev eth0");
        String[] peers = lab.nodes().stream().filter(n -> n != node).map(Lab.Node::ip).toArray(String[]::new);
        c.instance("VI_U", 53, prio).version(3).advert("1").nopreempt().unicast(node.ip(), peers).trackScript("chk_up").trackInterface("eth1")
                .vips(Lab.NET + ".101/24 dev eth0");
        c.instance("VI_X", 54, prio).version(2).advert("1").preemptDelay(3).trackInterface("eth1 weight -10 reverse")
                .vips(Lab.NET + ".102/24 dev eth0 label eth0:vx");
        return c;
    }

    /** One daemon with its private /tmp: {@code sh -c 'mount --rbind DIR /tmp && exec "$@"'}, pid unchanged. */
    private record Node(Lab.Node node, boolean halo, Daemon daemon, Path tmp, Path run) {
        Path file(String name) {
            return tmp.resolve(name);
        }
    }

    private static Node start(Lab lab, Lab.Node node, boolean halo, int prio) {
        String tag = halo ? "halo" : "keepalived";
        Path tmp = lab.file("tmp-" + node.name() + "/x").getParent();
        Path run = lab.file("run/" + node.name() + "/x").getParent();
        Path confFile = lab.file("conf/" + node.name() + "." + tag + ".conf");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(confFile, conf(lab, node, prio).text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A checkout under /tmp (a CI clone) would vanish under the private /tmp: its top directory there is
        // bound into the private one first, so the daemon still finds bin/halo and its configuration.
        String keep = keptUnderTmp(VrrpDaemons.haloBin().toAbsolutePath());
        List<String> cmd = new ArrayList<>(List.of("sh", "-c",
                "keep=\"$1\"; shift; if [ -n \"$keep\" ]; then mkdir -p \"$0/$keep\" && mount --bind \"/tmp/$keep\" \"$0/$keep\""
                        + " || exit 97; fi; mount --rbind \"$0\" /tmp && exec \"$@\"", tmp.toString(), keep));
        cmd.add(halo ? VrrpDaemons.haloBin().toString() : VrrpDaemons.KEEPALIVED);
        cmd.addAll(List.of("-n", "-l", "-D", "-G", "-f", confFile.toString(), "-p", run.resolve(tag + ".pid").toString(), "-r",
                run.resolve(tag + "-vrrp.pid").toString(), "-c", run.resolve(tag + "-checkers.pid").toString()));
        if (halo) {
            cmd.addAll(List.of("--name", lab.prefix() + node.name(), "--run-dir", run.toString(), "--state-dir",
                    lab.dir().resolve("state").resolve(node.name()).toString(), "--deploy-dir", lab.dir().resolve("deploy").resolve(node.name()).toString()));
        }
        Daemon d = lab.daemon(tag, node.ns(), node.name(), cmd, Map.of()).start();
        return new Node(node, halo, d, tmp, run);
    }

    /** The first directory under /tmp that holds {@code path} ("" when it is not under /tmp). */
    static String keptUnderTmp(Path path) {
        Path tmpRoot = Path.of("/tmp");
        return path.startsWith(tmpRoot) && path.getNameCount() > 1 ? path.getName(1).toString() : "";
    }

    /** The three files after SIGUSR1, SIGUSR2 and the JSON request (keepalived: --signum=JSON; Halo: status:json). */
    private static Map<String, String> dump(Node n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : List.of("keepalived.data", "keepalived.stats", "keepalived.json")) {
            Sh.tryRun("rm", "-f", n.file(f).toString());
        }
        long pid = n.halo() ? n.daemon().pid() : Long.parseLong(read(n.run().resolve("keepalived-vrrp.pid")).strip());
        Sh.run("kill", "-s", "USR1", Long.toString(pid));
        out.put("data", await(n.file("keepalived.data")));
        Sh.run("kill", "-s", "USR2", Long.toString(pid));
        out.put("stats", await(n.file("keepalived.stats")));
        if (n.halo()) {
            Sh.run(VrrpDaemons.haloBin().toString(), "shell", "--run-dir", n.run().toString(), "-c", "status:json");
        } else {
            Sh.run("kill", "-s", Sh.run(VrrpDaemons.KEEPALIVED, "--signum=JSON").strip(), Long.toString(pid));
        }
        out.put("json", await(n.file("keepalived.json")));
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** keepalived writes in place: the file is complete when its size stops changing. */
    private static String await(Path p) {
        long end = System.currentTimeMillis() + 10_000;
        long last = -1;
        while (System.currentTimeMillis() < end) {
            try {
                if (Files.exists(p)) {
                    long size = Files.size(p);
                    if (size > 0 && size == last) {
                        return Files.readString(p);
                    }
                    last = size;
                }
            } catch (IOException e) {
                // being replaced: try again
            }
            Sh.sleep(150);
        }
        throw new AssertionError("not written: " + p);
    }

    /**
     * Section name -> keys of its lines in order ("     *" for list entries); absent parts removed. Blocks
     * of a section (an instance, a group, a script) are keyed by their name and taken in name order: Halo
     * lists instances in the order ConfigAdmin delivered them, keepalived in file order (see the report of
     * issue 6; the comparison here is of each block's layout).
     */
    static Map<String, List<String>> dataLayout(String text) {
        Map<String, Map<String, List<String>>> blocks = new LinkedHashMap<>();
        Map<String, List<String>> cur = null;
        List<String> block = null;
        String section = "";
        for (String l : text.split("\n")) {
            if (l.startsWith("------< ") && l.endsWith(" >------")) {
                section = l.substring(8, l.length() - 8);
                cur = ABSENT_SECTIONS.contains(section) ? null : new java.util.TreeMap<>();
                if (cur != null) {
                    blocks.put(section, cur);
                    block = new ArrayList<>();
                    cur.put("", block);
                }
                continue;
            }
            if (cur == null) {
                continue;
            }
            if (l.startsWith(" ") && !l.startsWith("  ") && !section.equals("Global definitions")) {
                block = new ArrayList<>();
                cur.put(l.contains(" = ") ? l.substring(l.indexOf(" = ") + 3).split(",")[0] : l, block);
            }
            if (l.startsWith("     ")) {
                block.add("     *");
                continue;
            }
            String k = key(l);
            if (section.equals("Global definitions") ? GLOBAL_KEYS.contains(k) : !ABSENT_KEYS.contains(k)) {
                block.add(l.substring(0, l.length() - l.stripLeading().length()) + k);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        blocks.forEach((name, byBlock) -> {
            List<String> all = new ArrayList<>();
            byBlock.values().forEach(all::addAll);
            out.put(name, all);
        });
        return out;
    }

    private static String key(String line) {
        String t = line.strip();
        if (t.startsWith("fd_in ")) {
            return "fd_in";
        }
        for (String sep : new String[] {" = ", " :", ":", ","}) {
            int i = t.indexOf(sep);
            if (i > 0) {
                return t.substring(0, i);
            }
        }
        return t;
    }

    /** The stats lines without values, instance blocks in name order. */
    private static List<String> statsLayout(String text) {
        Map<String, List<String>> blocks = new java.util.TreeMap<>();
        List<String> block = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (l.startsWith("VRRP Instance: ")) {
                block = new ArrayList<>();
                blocks.put(l, block);
            }
            block.add(l.contains(":") && !l.startsWith("VRRP Instance: ") ? l.substring(0, l.indexOf(':') + 1) : l);
        }
        List<String> out = new ArrayList<>();
        blocks.values().forEach(out::addAll);
        return out;
    }

    /** Per instance (array element, by iname), the keys of "data" and "stats" in order. */
    private static Map<String, List<String>> jsonKeys(String text) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String element : text.strip().split("\\}\\},\\{")) {
            List<String> keys = new ArrayList<>();
            Matcher m = JSON_KEY.matcher(element);
            while (m.find()) {
                keys.add(m.group(1));
            }
            Matcher name = INAME.matcher(element);
            out.put(name.find() ? name.group(1) : element, keys);
        }
        return out;
    }

    private static String field(String data, String instance, String key) {
        boolean in = false;
        for (String l : data.split("\n")) {
            if (l.startsWith(" VRRP Instance = ")) {
                in = l.endsWith("= " + instance);
            } else if (in && l.startsWith("   " + key + " = ")) {
                return l.substring(l.indexOf(" = ") + 3);
            }
        }
        return null;
    }

    /** The entries under a list heading of an instance ("Virtual IP (1):", "Tracked interfaces :"). */
    private static List<String> entries(String data, String instance, String heading) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        boolean under = false;
        for (String l : data.split("\n")) {
            if (l.startsWith(" VRRP Instance = ")) {
                in = l.endsWith("= " + instance);
                under = false;
            } else if (in && l.startsWith("     ")) {
                if (under) {
                    out.add(l.strip());
                }
            } else if (in) {
                under = l.startsWith("   " + heading);
            }
        }
        return out;
    }

    /** Same configuration, same role: the address lines and tracking lines are the same text. */
    private static void assertSameEntries(Map<String, String> keepalived, Map<String, String> halo, String role) {
        for (String vi : List.of("VI_1", "VI_6", "VI_U", "VI_X")) {
            for (String heading : List.of("Virtual IP", "Tracked interfaces", "Tracked scripts")) {
                List<String> k = entries(keepalived.get("data"), vi, heading);
                assertEquals(k, entries(halo.get("data"), vi, heading), role + " " + vi + " " + heading);
                if (heading.equals("Virtual IP")) {
                    assertEquals(1, k.size(), role + " " + vi + ": one VIP line in keepalived's file");
                }
            }
        }
    }

    private static void assertSameLayout(Map<String, String> keepalived, Map<String, String> halo, String role) {
        Map<String, List<String>> k = dataLayout(keepalived.get("data"));
        Map<String, List<String>> h = dataLayout(halo.get("data"));
        assertEquals(List.copyOf(k.keySet()), List.copyOf(h.keySet()), role + ": data sections\n" + halo.get("data"));
        k.forEach((section, keys) -> assertEquals(String.join("\n", keys), String.join("\n", h.get(section)),
                role + ": keys of section " + section + "\n--- keepalived:\n" + keepalived.get("data") + "\n--- halo:\n" + halo.get("data")));
        assertEquals(statsLayout(keepalived.get("stats")), statsLayout(halo.get("stats")), role + ": stats lines");
        assertEquals(jsonKeys(keepalived.get("json")), jsonKeys(halo.get("json")), role + ": JSON keys\n" + keepalived.get("json") + "\n" + halo.get("json"));
    }

    @Test
    void haloWritesKeepalivedsLayoutAsBackupAndAsMaster() {
        Path base = SystemTestSupport.baseDir().toAbsolutePath();
        String keep = keptUnderTmp(VrrpDaemons.haloBin().toAbsolutePath());
        if (base.startsWith("/tmp") && (keep.isEmpty() || !base.startsWith(Path.of("/tmp", keep)))) {
            fail("halo.systest.dir " + base + " is under /tmp but outside /tmp/" + keep + ", which holds bin/halo:"
                    + " every daemon here mounts its own /tmp and only that directory is carried into it");
        }
        try (Lab lab = Lab.create(3, base)) {
            lab.nodes().forEach(lab::addTrackLink);
            Node n1 = start(lab, lab.node(1), true, 150);
            // VI_U is nopreempt: n1 must hold everything before the others start
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 20_000), "Halo n1 holds the VIP: " + lab.holders(Lab.VIP));
            assertTrue(lab.awaitHolders(Lab.NET + ".101", Set.of(1), 10_000), "Halo n1 holds VI_U's VIP");
            assertTrue(lab.awaitHolders(Lab.NET + ".102", Set.of(1), 10_000), "Halo n1 holds VI_X's VIP");
            Node n2 = start(lab, lab.node(2), false, 120);
            Node n3 = start(lab, lab.node(3), true, 100);
            assertTrue(n2.daemon().awaitLog("Entering BACKUP STATE", 15_000), n2.daemon().log());
            assertTrue(n3.daemon().awaitLog("Entering BACKUP STATE", 30_000), n3.daemon().log());
            Sh.sleep(2_500); // the BACKUPs hear a few adverts (master address, counters) and the scripts report once

            Map<String, String> haloMaster = dump(n1);
            Map<String, String> kaBackup = dump(n2);
            Map<String, String> haloBackup = dump(n3);
            assertEquals("BACKUP", field(kaBackup.get("data"), "VI_1", "State"), kaBackup.get("data"));
            assertEquals("BACKUP", field(haloBackup.get("data"), "VI_1", "State"), haloBackup.get("data"));
            assertEquals("MASTER", field(haloMaster.get("data"), "VI_1", "State"), haloMaster.get("data"));
            for (String vi : List.of("VI_1", "VI_U")) {
                assertEquals(lab.node(1).ip(), field(kaBackup.get("data"), vi, "Master router"), "keepalived sees Halo n1 as master of " + vi);
                assertEquals(lab.node(1).ip(), field(haloBackup.get("data"), vi, "Master router"), "Halo n3 sees Halo n1 as master of " + vi);
            }
            assertTrue(kaBackup.get("data").contains("\n Router ID = n2\n"), "keepalived shows its router_id");
            assertTrue(haloBackup.get("data").contains("\n Router ID = n3\n"), "Halo shows global_defs' router_id:\n" + haloBackup.get("data"));
            assertSameLayout(kaBackup, haloBackup, "BACKUP");
            assertSameEntries(kaBackup, haloBackup, "BACKUP");

            n1.daemon().signalGroup("TERM");
            assertEquals(0, n1.daemon().waitExit(15_000), "Halo exits cleanly on SIGTERM");
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(2), 10_000), "keepalived n2 takes over: " + lab.holders(Lab.VIP));
            assertTrue(lab.awaitHolders(Lab.NET + ".101", Set.of(2), 10_000), "keepalived n2 takes VI_U over");
            Sh.sleep(1_500);
            Map<String, String> kaMaster = dump(n2);
            assertEquals("MASTER", field(kaMaster.get("data"), "VI_U", "State"), kaMaster.get("data"));
            assertSameLayout(kaMaster, haloMaster, "MASTER");
            assertSameEntries(kaMaster, haloMaster, "MASTER");

            assertEquals(List.of(), LogCheck.complaints(n2.daemon().log()));
            assertEquals(List.of(), LogCheck.complaints(n3.daemon().log()));
        }
    }
}
