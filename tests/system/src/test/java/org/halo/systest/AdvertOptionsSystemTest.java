package org.halo.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;

import org.halo.systest.lab.Daemon;
import org.halo.systest.lab.Lab;
import org.halo.systest.lab.LogCheck;
import org.halo.systest.lab.Sh;
import org.halo.systest.lab.VrrpConf;
import org.halo.systest.lab.VrrpDaemons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * mcast_dst_ip and unicast_ttl between the Halo daemon (bin/halo) and keepalived 2.2.7 in the lab's
 * namespaces. Each side's adverts are shown accepted by the other: the backup stays backup for several
 * advert intervals (a rejected or unheard advert would make it a second VIP holder), and after the master
 * is stopped and started again with the lower priority, the roles swap and hold again.
 */
class AdvertOptionsSystemTest {
    private static final long HOLD_MS = 4_000;

    @BeforeEach
    void root() {
        SystemTestSupport.requireRoot();
        if (!VrrpDaemons.haloAvailable()) {
            fail("bin/halo not found (" + VrrpDaemons.haloBin() + "): build the distribution first");
        }
    }

    /** Both join and send to 224.0.0.77; neither listens on 224.0.0.18, so only the configured group carries the adverts. */
    private static VrrpConf mcastDst(String router, int prio) {
        VrrpConf c = new VrrpConf(router);
        c.instance("VI_1", 51, prio).version(3).line("mcast_dst_ip 224.0.0.77");
        return c;
    }

    /**
     * Unicast with unicast_ttl 7; the receiver checks the source and accepts only TTL 7 from its peer
     * (keepalived's unicast_peer min_ttl / max_ttl), so an advert sent with the default 255 is rejected.
     */
    private static VrrpConf unicastTtl(Lab lab, int self, int prio) {
        Lab.Node me = lab.node(self);
        Lab.Node peer = lab.node(3 - self);
        VrrpConf c = new VrrpConf("n" + self);
        c.instance("VI_1", 52, prio).line("unicast_ttl 7").line("check_unicast_src")
                .unicast(me.ip(), peer.ip() + " min_ttl 7 max_ttl 7");
        return c;
    }

    @Test
    void mcastDstIpBothWays() {
        try (Lab lab = Lab.create(2, SystemTestSupport.baseDir())) {
            swap(lab, mcastDst("n1", 150), mcastDst("n1", 50), mcastDst("n2", 100));
            assertTrue(Sh.run("ip", "netns", "exec", lab.node(2).ns(), "ip", "maddr", "show", "dev", "eth0").contains("224.0.0.77"),
                    "Halo joined the configured group on eth0");
        }
    }

    @Test
    void unicastTtlBothWays() {
        try (Lab lab = Lab.create(2, SystemTestSupport.baseDir())) {
            swap(lab, unicastTtl(lab, 1, 150), unicastTtl(lab, 1, 50), unicastTtl(lab, 2, 100));
        }
    }

    /**
     * keepalived on n1 (first priority 150) and Halo on n2 (100): keepalived is the only holder, so Halo accepts
     * its adverts. keepalived stopped: Halo takes over. keepalived started again with priority 50: Halo stays
     * the only holder, so keepalived accepts Halo's adverts.
     */
    private static void swap(Lab lab, VrrpConf kaHigh, VrrpConf kaLow, VrrpConf halo) {
        Daemon ka = VrrpDaemons.create(lab, lab.node(1), VrrpDaemons.Kind.KEEPALIVED, kaHigh).start();
        assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 10_000), "keepalived alone takes the VIP: " + lab.holders(Lab.VIP));
        Daemon h = VrrpDaemons.create(lab, lab.node(2), VrrpDaemons.Kind.HALO, halo).start();
        holdsAlone(lab, 1, "Halo accepts keepalived's adverts and stays backup");
        ka.signalGroup("TERM");
        ka.waitExit(5_000);
        assertTrue(lab.awaitHolders(Lab.VIP, Set.of(2), 10_000), "Halo takes over: " + lab.holders(Lab.VIP));
        VrrpDaemons.clearPidFiles(lab, lab.node(1));
        Daemon ka2 = VrrpDaemons.create(lab, lab.node(1), VrrpDaemons.Kind.KEEPALIVED, kaLow).start();
        Sh.sleep(1_000);
        holdsAlone(lab, 2, "keepalived accepts Halo's adverts and stays backup");
        assertEquals(List.of(), LogCheck.complaints(ka2.log()), "keepalived saw nothing wrong in Halo's adverts");
        assertEquals(List.of(), LogCheck.complaints(h.log()));
    }

    private static void holdsAlone(Lab lab, int node, String what) {
        long end = System.currentTimeMillis() + HOLD_MS;
        while (System.currentTimeMillis() < end) {
            assertEquals(Set.of(node), lab.holders(Lab.VIP), what);
            Sh.sleep(200);
        }
    }
}
