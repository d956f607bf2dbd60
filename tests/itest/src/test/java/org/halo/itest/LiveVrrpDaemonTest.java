package org.halo.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real {@code bin/halo -f keepalived.conf} running VRRP in a network namespace the test creates: it becomes
 * MASTER, then every plug-in bundle is uninstalled, reinstalled and updated while a tracked vrrp_script runs,
 * and a vrrp_instance's priority is edited through ConfigAdmin. Throughout, the instance must never leave MASTER
 * and the VIP must never leave the interface (sampled every 100 ms).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveVrrpDaemonTest {

    private static final Path DIST = HaloInNamespace.DIST;
    private static final String VIP = "10.66.0.100";
    private static final String CONF = """
            global_defs {
                router_id live
            }
            vrrp_script chk {
                script "/bin/true"
                interval 1
                weight -20
            }
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 61
                priority 100
                version 3
                advert_int 0.1
                virtual_ipaddress {
                    10.66.0.100/24
                }
                track_script {
                    chk
                }
                notify NOTIFY_SCRIPT
            }
            """;
    private static final String VI_2 = """
            vrrp_instance VI_2 {
                state BACKUP
                interface eth0
                virtual_router_id 62
                priority 90
                version 3
                advert_int 0.1
                virtual_ipaddress {
                    10.66.0.102/24
                }
            }
            """;

    private static HaloInNamespace halo;
    private static Path tmp;
    private static Path conf;
    private static Thread vipWatcher;
    private static volatile boolean watching = true;
    private static final AtomicInteger samples = new AtomicInteger();
    private static final AtomicInteger vipMissing = new AtomicInteger();

    @BeforeAll
    static void startMaster() throws Exception {
        HaloInNamespace.requireRoot();
        halo = new HaloInNamespace("live", "10.66.0.11/24");
        tmp = halo.tmp;
        Path notify = tmp.resolve("notify.sh");
        Files.writeString(notify, "#!/bin/sh\necho \"$@\" >> " + tmp.resolve("notify.log") + "\n");
        notify.toFile().setExecutable(true);
        halo.start("live", CONF.replace("NOTIFY_SCRIPT", notify.toString()));
        conf = halo.conf();
        await(() -> logText().contains("(VI_1) Entering MASTER STATE") && vipPresent(), 60_000, "VI_1 MASTER with its VIP");
        vipWatcher = new Thread(() -> {
            while (watching) {
                samples.incrementAndGet();
                if (!vipPresent()) {
                    vipMissing.incrementAndGet();
                }
                sleep(100);
            }
        }, "vip-watcher");
        vipWatcher.start();
    }

    @AfterAll
    static void stop() throws Exception {
        watching = false;
        try {
            if (vipWatcher != null) {
                vipWatcher.join(5000);
            }
        } finally {
            if (halo != null) {
                halo.close();
            }
        }
    }

    @Test
    @Order(1)
    void checkerUninstallKeepsStateAndReinstallResumesIt() throws Exception {
        String bsn = "org.halo.check.script";
        shell("($.context bundle " + bundleId(bsn) + ") uninstall");
        await(() -> shellQuiet("halo:checks").contains("no checker"), 10_000, "vrrp_script marked 'no checker'");
        assertTrue(shell("halo:checks").lines().anyMatch(l -> l.startsWith("vrrp_script:chk") && l.contains(" UP ")),
                "last state kept while no checker is present");
        reinstall(bsn);
        await(() -> shellQuiet("halo:checks").lines().anyMatch(l -> l.startsWith("vrrp_script:chk") && l.contains(" UP ")
                && l.contains("present")), 10_000, "checker back, state carried over");
        shell("($.context bundle " + bundleId(bsn) + ") update");
        sleep(1500);
        assertStillMaster();
    }

    @Test
    @Order(2)
    void notifierUninstallReinstallAndUpdateMoveNoVip() throws Exception {
        for (String bsn : List.of("org.halo.notify.script", "org.halo.notify.webhook")) {
            shell("($.context bundle " + bundleId(bsn) + ") uninstall");
            sleep(500);
            reinstall(bsn);
            shell("($.context bundle " + bundleId(bsn) + ") update");
            sleep(500);
        }
        assertStillMaster();
    }

    @Test
    @Order(3)
    void configAdminPriorityEditReachesTheRunningInstance() throws Exception {
        String out = shell("halo:set vrrp_instance:VI_1 priority 120");
        assertTrue(out.contains("priority 100 -> 120"), out);
        await(() -> logText().contains("(VI_1) Changing effective priority from 100 to 120"), 10_000, "priority change logged");
        assertTrue(shell("vrrp:list").lines().anyMatch(l -> l.startsWith("VI_1") && l.contains("MASTER") && l.contains(" 120 ")),
                "vrrp:list shows the new priority");
        assertStillMaster();
    }

    /**
     * A checker that never returns and one that spins a core (dropped into deploy/ with their .cfg files) must not
     * delay the VRRP core: the adverts on the wire, 100 ms apart, are measured before and with them.
     */
    @Test
    @Order(4)
    void hungAndSpinningCheckersDoNotDelayAdverts() throws Exception {
        List<Double> before = advertGaps(4);
        Path deploy = tmp.resolve("deploy");
        Files.copy(Path.of(System.getProperty("halo.itest.badchecker")), deploy.resolve("badchecker.jar"));
        for (String type : List.of("HANG", "SPIN")) {
            Files.writeString(deploy.resolve("org.halo.check-" + type.toLowerCase() + ".cfg"),
                    "type=" + type + "\nhalo.check.id=" + type.toLowerCase() + "\ndelay_loop=0.05\nconnect_timeout=0.1\n");
        }
        await(() -> shellQuiet("halo:checks").lines().filter(l -> (l.startsWith("hang ") || l.startsWith("spin "))
                && l.contains("DOWN")).count() == 2, 30_000, "hang and spin checks timed out to DOWN");
        List<Double> with = advertGaps(4);
        System.out.printf("advert gaps (interval 100 ms), 4 s each:%n  alone:                       %s%n"
                + "  with hung + spinning checker: %s%n", stats(before), stats(with));
        // a gap of 3 intervals (+ skew) would let a backup take over: the core must stay far from that
        assertTrue(with.size() >= 20, "adverts kept flowing: " + with.size());
        assertTrue(max(with) < 300, "largest advert gap " + max(with) + " ms, " + stats(with));
        assertStillMaster();
    }

    /** Gaps in ms between this node's adverts seen on the peer end of the veth during {@code seconds}. */
    private static List<Double> advertGaps(int seconds) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", halo.ns, "timeout", Integer.toString(seconds), "tcpdump", "-n", "-tt",
                "-i", "eth1", "ip proto 112 and src 10.66.0.11").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<Double> times = out.lines().map(l -> l.split(" ")[0]).filter(t -> t.matches("\\d+\\.\\d+"))
                .map(Double::parseDouble).toList();
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add((times.get(i) - times.get(i - 1)) * 1000);
        }
        return gaps;
    }

    private static double max(List<Double> gaps) {
        return gaps.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String stats(List<Double> gaps) {
        List<Double> s = gaps.stream().sorted().toList();
        if (s.isEmpty()) {
            return "no adverts";
        }
        return String.format("%d gaps, p50 %.1f ms, p99 %.1f ms, max %.1f ms", s.size(), s.get(s.size() / 2),
                s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1)), s.get(s.size() - 1));
    }

    /** keepalived's dump signals: SIGUSR1 writes /tmp/keepalived.data, SIGUSR2 /tmp/keepalived.stats. */
    @Test
    @Order(5)
    void usr1AndUsr2WriteKeepalivedDumpFiles() throws Exception {
        for (String[] sig : List.of(new String[] {"USR1", "/tmp/keepalived.data", "VRRP Topology"},
                new String[] {"USR2", "/tmp/keepalived.stats", "VRRP Instance: VI_1"})) {
            Path file = Path.of(sig[1]);
            Files.deleteIfExists(file);
            run("kill", "-" + sig[0], Long.toString(halo.pid()));
            await(() -> Files.exists(file), 10_000, sig[1] + " after SIG" + sig[0]);
            String text = Files.readString(file);
            assertTrue(text.contains(sig[2]) && text.contains("VI_1"), sig[1] + ":\n" + text);
        }
        String json = shell("status:json").trim();
        assertTrue(Files.readString(Path.of(json)).contains("\"iname\":\"VI_1\""), json);
        assertStillMaster();
    }

    /** SIGHUP re-reads keepalived.conf: a new instance starts, the running MASTER is not disturbed, no notify. */
    @Test
    @Order(6)
    void sighupAddsAnInstanceWithoutDisturbingTheMaster() throws Exception {
        Files.writeString(conf, Files.readString(conf) + VI_2);
        run("kill", "-HUP", Long.toString(halo.pid()));
        await(() -> logText().contains("(VI_2) Entering MASTER STATE"), 20_000, "VI_2 started by the reload");
        assertStillMaster();
    }

    private static void assertStillMaster() throws Exception {
        String text = logText();
        assertEquals(1, count(text, "(VI_1) Entering MASTER STATE"), "MASTER entered exactly once:\n" + text);
        assertEquals(0, text.lines().filter(l -> l.contains("Entering BACKUP STATE") && !l.contains("(init)")
                || l.contains("Entering FAULT STATE")).count(), "never left MASTER:\n" + text);
        assertTrue(shell("vrrp:list").lines().anyMatch(l -> l.startsWith("VI_1") && l.contains("MASTER")));
        assertEquals(0, vipMissing.get(), "VIP missing in " + vipMissing.get() + " of " + samples.get() + " samples");
        List<String> notified = Files.readAllLines(tmp.resolve("notify.log"));
        // keepalived notifies the initial BACKUP (init) state too; nothing after MASTER
        assertEquals(List.of("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100"),
                notified.stream().filter(l -> l.contains("VI_1")).toList(), "notified at init and at MASTER only");
        System.out.printf("VIP present in all %d samples so far%n", samples.get());
    }

    private static void reinstall(String bsn) throws Exception {
        Path jar;
        try (var s = Files.list(DIST.resolve("bundle"))) {
            jar = s.filter(p -> p.getFileName().toString().startsWith(bsn + "-")).findFirst().orElseThrow();
        }
        String out = shell("install " + jar.toUri());
        assertTrue(out.contains("Bundle ID"), out);
        shell("($.context bundle " + bundleId(bsn) + ") start");
        await(() -> shellQuiet("lb -s").lines().anyMatch(l -> l.contains("|" + bsn + " ") && l.contains("Active")), 10_000,
                bsn + " active again");
    }

    private static long bundleId(String bsn) throws Exception {
        return shell("lb -s").lines().filter(l -> l.contains("|" + bsn + " ")).map(l -> Long.parseLong(l.split("\\|")[0].trim()))
                .findFirst().orElseThrow(() -> new AssertionError(bsn + " not installed"));
    }

    private static String shell(String command) throws Exception {
        return halo.shell(command);
    }

    private static String shellQuiet(String command) {
        return halo.shellQuiet(command);
    }

    private static boolean vipPresent() {
        try {
            Process p = new ProcessBuilder("ip", "-n", halo.ns, "-o", "-4", "addr", "show", "dev", "eth0").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.contains(" " + VIP + "/");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String logText() {
        return halo.logText();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void await(BooleanSupplier condition, long millis, String what) {
        halo.await(condition, millis, what);
    }

    private static void sleep(long millis) {
        HaloInNamespace.sleep(millis);
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        HaloInNamespace.run(cmd);
    }
}
