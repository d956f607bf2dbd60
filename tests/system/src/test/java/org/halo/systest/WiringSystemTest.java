package org.halo.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;

import org.halo.systest.lab.ClientProbe;
import org.halo.systest.lab.Daemon;
import org.halo.systest.lab.GarpCapture;
import org.halo.systest.lab.Lab;
import org.halo.systest.lab.LogCheck;
import org.halo.systest.lab.Sh;
import org.halo.systest.lab.VrrpDaemons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keywords a keepalived user relies on, wired end to end: the real daemon ({@code bin/halo -f keepalived.conf})
 * next to keepalived 2.2.7, both with one file that uses {@code use_vmac}, {@code virtual_routes},
 * {@code virtual_rules} and global {@code vrrp_*} defaults. Observed from outside with ip(8) and tcpdump.
 */
class WiringSystemTest {
    /** 00:00:5e:00:01:VRID for VRID 51 (RFC 5798 7.3). */
    private static final String VMAC = "00:00:5e:00:01:33";
    private static final String VMAC_IF = "vrrp.51";

    @BeforeEach
    void root() {
        SystemTestSupport.requireRoot();
        if (!VrrpDaemons.haloAvailable()) {
            String msg = "bin/halo not built (" + VrrpDaemons.haloBin() + "): run mvn package -pl distribution -am first";
            if (SystemTestSupport.ci()) {
                fail(msg);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, msg);
        }
    }

    /**
     * vrrp_version 3 is only a global default here, and advert_int 0.1 is valid only for VRRPv3, so an instance
     * that did not get the default would run v2 at 1 s (keepalived rounds it) and the two daemons would complain
     * about each other's adverts. vrrp_garp_master_repeat 3 and vrrp_garp_master_delay 0: exactly three GARPs
     * per takeover, no delayed second burst.
     */
    private static String conf(String router, int prio) {
        return conf(router, prio, "");
    }

    private static String conf(String router, int prio, String extra) {
        return "global_defs {\n  router_id " + router + "\n  vrrp_version 3\n  vrrp_garp_master_repeat 3\n  vrrp_garp_master_delay 0\n"
                + "  vrrp_garp_master_refresh 0\n}\n"
                + "vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  use_vmac\n  virtual_router_id 51\n  priority " + prio + "\n"
                + "  advert_int 0.1\n" + extra + "  virtual_ipaddress {\n    " + Lab.VIP + "\n  }\n"
                // src VIP: the kernel refuses the route unless the VIP is already there (keepalived's order: VIPs, then routes)
                + "  virtual_routes {\n    src " + Lab.VIP + " to 10.99.0.0/16 via 10.77.0.1 dev eth0\n    blackhole 10.98.0.0/16 table 100 no_track\n  }\n"
                + "  virtual_rules {\n    from " + Lab.VIP + " table 100 priority 100\n  }\n}\n";
    }

    private static boolean hasRoutesAndRules(Lab.Node n) {
        String main = ip(n, "route", "show", "10.99.0.0/16");
        String t100 = ip(n, "route", "show", "table", "100");
        String rules = ip(n, "rule", "show");
        boolean route = main.contains("10.99.0.0/16 via 10.77.0.1 dev eth0") && main.contains("src " + Lab.VIP);
        boolean bh = t100.contains("blackhole 10.98.0.0/16");
        boolean rule = rules.contains("100:\tfrom " + Lab.VIP + " lookup 100");
        if (route != bh || bh != rule) {
            return false; // half-installed counts as not installed; the await retries
        }
        return route;
    }

    private static boolean noRoutesOrRules(Lab.Node n) {
        return ip(n, "route", "show", "10.99.0.0/16").isBlank() && !ip(n, "route", "show", "table", "100").contains("10.98.0.0/16")
                && !ip(n, "rule", "show").contains("from " + Lab.VIP);
    }

    /** ip -n NS ...; a table that never had a route does not exist: empty output then. */
    private static String ip(Lab.Node n, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "-n", n.ns()));
        cmd.addAll(List.of(args));
        return Sh.tryRun(cmd.toArray(String[]::new)).out();
    }

    private static boolean await(java.util.function.BooleanSupplier c, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (c.getAsBoolean()) {
                return true;
            }
            Sh.sleep(25);
        }
        return c.getAsBoolean();
    }

    /** VRRP adverts seen by the client: "SRCMAC VERSION" of up to n packets within 3 s. */
    private static List<String> adverts(Lab lab, int n) {
        String out = Sh.tryRun("ip", "netns", "exec", lab.clientNs(), "timeout", "3", "tcpdump", "-i", "eth0", "-l", "-n", "-e", "-c",
                Integer.toString(n), "ip proto 112").out();
        return out.lines().filter(l -> l.contains("VRRP")).map(l -> l.split(" ")[1] + (l.contains("VRRPv3") ? " v3" : " v2")).toList();
    }

    /**
     * The MAC the VIP resolves to, from a fresh ARP exchange (the cache is flushed first: a later ARP request
     * the master sends from its VIP through eth0 would legitimately replace the entry with eth0's MAC).
     */
    private static String clientNeighbour(Lab lab) {
        Sh.tryRun("ip", "-n", lab.clientNs(), "neigh", "flush", "to", Lab.VIP);
        Sh.tryRun("ip", "netns", "exec", lab.clientNs(), "ping", "-c", "1", "-W", "1", Lab.VIP);
        return Sh.tryRun("ip", "-n", lab.clientNs(), "neigh", "show", Lab.VIP).out();
    }

    @Test
    void vmacRoutesRulesAndGlobalDefaultsWithKeepalived() {
        try (Lab lab = Lab.create(2, SystemTestSupport.baseDir())) {
            Lab.Node n1 = lab.node(1);
            Lab.Node n2 = lab.node(2);
            Daemon halo = VrrpDaemons.create(lab, n1, VrrpDaemons.Kind.HALO, conf("n1", 150)).start();
            Daemon ka = VrrpDaemons.create(lab, n2, VrrpDaemons.Kind.KEEPALIVED, conf("n2", 100)).start();
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 30_000), "Halo (prio 150) holds the VIP: " + lab.holders(Lab.VIP) + "\n" + halo.log());
            // the VMAC exists with the VRRP MAC and carries the VIP
            String link = Sh.run("ip", "-n", n1.ns(), "-d", "link", "show", VMAC_IF);
            assertTrue(link.contains("link/ether " + VMAC) && link.contains("macvlan mode private"), link);
            assertTrue(Sh.run("ip", "-n", n1.ns(), "addr", "show", "dev", VMAC_IF).contains(Lab.VIP + "/32"), "VIP on " + VMAC_IF);
            assertTrue(await(() -> hasRoutesAndRules(n1), 5_000), "virtual_routes/virtual_rules on the master n1");
            assertTrue(noRoutesOrRules(n2), "none on the backup n2");

            ClientProbe probe = lab.own(new ClientProbe(lab, Lab.VIP, Lab.PORT));
            GarpCapture garp = lab.own(new GarpCapture(lab));
            assertTrue(probe.await(0, "n1", 10_000).isPresent(), "client reaches the VIP on n1");
            assertTrue(clientNeighbour(lab).contains("lladdr " + VMAC), "the client resolved the VIP to the VMAC: " + clientNeighbour(lab));
            // adverts from the master go out through the VMAC, as VRRPv3 (the global vrrp_version)
            List<String> adv = adverts(lab, 3);
            assertFalse(adv.isEmpty(), "adverts seen");
            assertEquals(List.of(VMAC + " v3"), adv.stream().distinct().toList(), "adverts: source MAC and version");

            // Halo leaves (SIGTERM: priority 0) -> keepalived takes over; the VMAC, VIP, routes and rules leave n1
            long term = Sh.nowMicros();
            halo.signalGroup("TERM");
            assertEquals(0, halo.waitExit(15_000), "halo exits cleanly\n" + halo.log());
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(2), 5_000), "keepalived n2 holds the VIP: " + lab.holders(Lab.VIP));
            assertTrue(probe.await(term, "n2", 5_000).isPresent(), "client reaches n2");
            assertTrue(await(() -> hasRoutesAndRules(n2), 5_000), "routes/rules on keepalived's master n2");
            assertTrue(noRoutesOrRules(n1), "Halo removed its routes and rules on stop");
            assertTrue(Sh.tryRun("ip", "-n", n1.ns(), "link", "show", VMAC_IF).exit() != 0, "Halo deleted its VMAC on stop");

            // Halo returns and preempts: three GARPs (vrrp_garp_master_repeat 3, delay 0) from the VMAC
            VrrpDaemons.clearPidFiles(lab, n1);
            long restart = Sh.nowMicros();
            halo.start();
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 30_000), "Halo preempts back: " + lab.holders(Lab.VIP) + "\n" + halo.log());
            long master = Sh.nowMicros();
            assertTrue(probe.await(master, "n1", 5_000).isPresent(), "client reaches n1 again");
            assertTrue(await(() -> hasRoutesAndRules(n1), 5_000), "routes/rules back on n1");
            assertTrue(await(() -> noRoutesOrRules(n2), 5_000), "keepalived removed them on n2");
            Sh.sleep(1_500);
            List<GarpCapture.Garp> burst = garp.all().stream().filter(g -> g.micros() >= restart && g.address().equals(Lab.VIP)).toList();
            assertEquals(3, burst.size(), "GARPs after Halo's takeover: " + burst);
            assertTrue(burst.stream().allMatch(g -> g.mac().equalsIgnoreCase(VMAC)), "GARPs from the VMAC: " + burst);

            // SIGHUP with use_vmac removed: the instance moves to eth0 and Halo deletes its VMAC (the file has no
            // error, no_track on the blackhole route included: a file with errors is not reloaded)
            try {
                java.nio.file.Files.writeString(lab.dir().resolve("conf/n1.halo.conf"), conf("n1", 150).replace("  use_vmac\n", ""));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            halo.signal("HUP");
            assertTrue(await(() -> Sh.tryRun("ip", "-n", n1.ns(), "link", "show", VMAC_IF).exit() != 0, 10_000), "VMAC deleted by the reload");
            assertTrue(await(() -> Sh.run("ip", "-n", n1.ns(), "addr", "show", "dev", "eth0").contains(Lab.VIP + "/32"), 10_000),
                    "VIP now on eth0\n" + halo.log());
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 10_000), "n1 holds the VIP alone: " + lab.holders(Lab.VIP));
            assertTrue(await(() -> hasRoutesAndRules(n1), 5_000), "routes/rules still on n1");
            assertTrue(probe.await(Sh.nowMicros(), "n1", 5_000).isPresent(), "client reaches n1 after the reload");

            assertEquals(List.of(), LogCheck.complaints(halo.log()), "Halo complains about keepalived's packets");
            assertEquals(List.of(), LogCheck.complaints(ka.log()), "keepalived complains about Halo's packets");
        }
    }

    /**
     * vmac_xmit_base: adverts leave through the parent (its MAC), the VIP and its GARPs stay on the VMAC. Here
     * keepalived is the master and Halo the backup that takes over when keepalived is killed.
     */
    @Test
    void vmacXmitBaseHaloTakesOverFromKeepalived() {
        try (Lab lab = Lab.create(2, SystemTestSupport.baseDir())) {
            Lab.Node n1 = lab.node(1);
            Lab.Node n2 = lab.node(2);
            Daemon ka = VrrpDaemons.create(lab, n1, VrrpDaemons.Kind.KEEPALIVED, conf("n1", 150, "  vmac_xmit_base\n")).start();
            Daemon halo = VrrpDaemons.create(lab, n2, VrrpDaemons.Kind.HALO, conf("n2", 100, "  vmac_xmit_base\n")).start();
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 30_000), "keepalived (150) holds the VIP: " + lab.holders(Lab.VIP));
            assertTrue(halo.awaitLog("Entering BACKUP STATE", 30_000), "Halo runs as backup\n" + halo.log());
            assertTrue(Sh.run("ip", "-n", n2.ns(), "-d", "link", "show", VMAC_IF).contains("link/ether " + VMAC), "Halo's VMAC exists");
            assertTrue(noRoutesOrRules(n2), "no routes or rules on the backup");
            ClientProbe probe = lab.own(new ClientProbe(lab, Lab.VIP, Lab.PORT));
            GarpCapture garp = lab.own(new GarpCapture(lab));
            assertTrue(probe.await(0, "n1", 10_000).isPresent(), "client reaches keepalived's n1");

            long kill = Sh.nowMicros();
            ka.signalGroup("KILL");
            // as if n1 died: its VMAC (with the VIP keepalived could not remove) goes too, so n1 cannot answer ARP
            // for the VIP with the shared virtual MAC any more
            Sh.tryRun("ip", "-n", n1.ns(), "link", "del", VMAC_IF);
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(2), 5_000), "Halo adds the VIP: " + lab.holders(Lab.VIP));
            assertTrue(Sh.run("ip", "-n", n2.ns(), "addr", "show", "dev", VMAC_IF).contains(Lab.VIP + "/32"), "VIP on Halo's VMAC");
            assertTrue(await(() -> hasRoutesAndRules(n2), 5_000), "routes/rules on Halo's n2");
            // the killed keepalived left its VIP on n1; only the client's view matters: it follows the VMAC
            assertTrue(probe.await(kill, "n2", 5_000).isPresent(), "client follows Halo");
            assertTrue(garp.await(Lab.VIP, kill, "", 3_000).map(g -> g.mac().equalsIgnoreCase(VMAC)).orElse(false),
                    "Halo's GARP from the VMAC: " + garp.all());
            List<String> adv = adverts(lab, 3);
            assertEquals(List.of(n2.mac() + " v3"), adv.stream().distinct().toList(), "vmac_xmit_base: Halo's adverts from eth0's MAC");

            // keepalived returns and preempts: Halo leaves MASTER, removes VIP, routes and rules
            n1ClearAndRestart(lab, ka);
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 15_000), "keepalived preempts back: " + lab.holders(Lab.VIP));
            assertTrue(await(() -> noRoutesOrRules(n2), 5_000), "Halo removed its routes and rules on leaving MASTER");
            assertTrue(await(() -> hasRoutesAndRules(n1), 5_000), "keepalived's routes and rules on n1");
            // While Halo was master, n2's kernel resolved the client with an ARP request sent from the VIP through
            // eth0, so the client's cache may map the VIP to n2's eth0 MAC, and the neighbour locktime (1 s) then
            // ignores keepalived's GARPs. That is the kernel's doing and the same with two keepalived; what counts
            // here is that a fresh resolution answers with the VMAC and reaches n1.
            assertTrue(clientNeighbour(lab).contains("lladdr " + VMAC), "VIP resolves to the VMAC: " + clientNeighbour(lab));
            assertTrue(probe.await(Sh.nowMicros(), "n1", 5_000).isPresent(), "client reaches n1 again");
            assertEquals(List.of(), LogCheck.complaints(halo.log()), "Halo complains about keepalived's packets");
            assertEquals(List.of(), LogCheck.complaints(ka.log()), "keepalived complains about Halo's packets");
        }
    }

    private static void n1ClearAndRestart(Lab lab, Daemon ka) {
        ka.waitExit(2_000);
        VrrpDaemons.clearPidFiles(lab, lab.node(1));
        ka.start();
    }

    /** IPv6 (VRRPv3 from the global default): the VMAC is 00:00:5e:00:02:VRID and keeps the parent's link-local. */
    @Test
    void ipv6VmacWithKeepalived() {
        String vmac6 = "00:00:5e:00:02:3d";
        java.util.function.IntFunction<String> conf = prio -> "global_defs {\n  vrrp_version 3\n}\n"
                + "vrrp_instance VI_6 {\n  state BACKUP\n  interface eth0\n  use_vmac\n  virtual_router_id 61\n  priority " + prio + "\n"
                + "  advert_int 0.1\n  virtual_ipaddress {\n    " + Lab.VIP6 + "/64\n  }\n}\n";
        try (Lab lab = Lab.create(2, SystemTestSupport.baseDir())) {
            Lab.Node n1 = lab.node(1);
            Daemon halo = VrrpDaemons.create(lab, n1, VrrpDaemons.Kind.HALO, conf.apply(150)).start();
            Daemon ka = VrrpDaemons.create(lab, lab.node(2), VrrpDaemons.Kind.KEEPALIVED, conf.apply(100)).start();
            assertTrue(lab.awaitHolders(Lab.VIP6, Set.of(1), 30_000), "Halo holds the IPv6 VIP: " + lab.holders(Lab.VIP6) + "\n" + halo.log());
            String link = Sh.run("ip", "-n", n1.ns(), "-d", "link", "show", "vrrp.61");
            assertTrue(link.contains("link/ether " + vmac6), link);
            assertTrue(Sh.run("ip", "-n", n1.ns(), "addr", "show", "dev", "vrrp.61").contains(Lab.VIP6 + "/64"), "VIP on vrrp.61");
            ClientProbe probe = lab.own(new ClientProbe(lab, Lab.VIP6, Lab.PORT));
            assertTrue(probe.await(0, "n1", 10_000).isPresent(), "client reaches the VIP on n1");
            String out = Sh.tryRun("ip", "netns", "exec", lab.clientNs(), "timeout", "3", "tcpdump", "-i", "eth0", "-l", "-n", "-e", "-c", "3",
                    "ip6 proto 112").out();
            List<String> macs = out.lines().filter(l -> l.contains("VRRP")).map(l -> l.split(" ")[1]).distinct().toList();
            assertEquals(List.of(vmac6), macs, "IPv6 adverts from the VMAC: " + out);

            GarpCapture na = lab.own(new GarpCapture(lab));
            long term = Sh.nowMicros();
            halo.signalGroup("TERM");
            assertEquals(0, halo.waitExit(15_000), "halo exits cleanly");
            assertTrue(lab.awaitHolders(Lab.VIP6, Set.of(2), 5_000), "keepalived takes over: " + lab.holders(Lab.VIP6));
            assertTrue(probe.await(term, "n2", 5_000).isPresent(), "client reaches n2");
            assertTrue(na.await(Lab.VIP6, term, "", 3_000).map(g -> g.mac().equalsIgnoreCase(vmac6)).orElse(false),
                    "keepalived's NA from the same VMAC: " + na.all());
            VrrpDaemons.clearPidFiles(lab, n1);
            long restart = Sh.nowMicros();
            halo.start();
            assertTrue(lab.awaitHolders(Lab.VIP6, Set.of(1), 30_000), "Halo preempts back: " + lab.holders(Lab.VIP6));
            assertTrue(na.await(Lab.VIP6, restart, "", 3_000).map(g -> g.mac().equalsIgnoreCase(vmac6)).orElse(false),
                    "Halo's unsolicited NA from the VMAC: " + na.all());
            assertTrue(probe.await(Sh.nowMicros(), "n1", 5_000).isPresent(), "client reaches n1 again");
            assertEquals(List.of(), LogCheck.complaints(halo.log()), "Halo complains about keepalived's packets");
            assertEquals(List.of(), LogCheck.complaints(ka.log()), "keepalived complains about Halo's packets");
        }
    }
}
