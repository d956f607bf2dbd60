package org.halo.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.halo.systest.lab.ClientProbe;
import org.halo.systest.lab.Daemon;
import org.halo.systest.lab.GarpCapture;
import org.halo.systest.lab.Lab;
import org.halo.systest.lab.LogCheck;
import org.halo.systest.lab.Sh;
import org.halo.systest.lab.VipWatch;
import org.halo.systest.lab.VrrpConf;
import org.halo.systest.lab.VrrpDaemons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the namespace lab with two real keepalived 2.2.7: master/backup, the master is killed,
 * the VIP moves, the backup announces it with GARP and the client reaches it.
 */
class KeepalivedPairSystemTest {

    @BeforeEach
    void root() {
        SystemTestSupport.requireRoot();
    }

    private static String conf(String router, int prio, int version, String advert, String pass) {
        VrrpConf c = new VrrpConf(router);
        VrrpConf.Instance i = c.instance("VI_1", 51, prio).version(version).advert(advert);
        if (pass != null) {
            i.authPass(pass);
        }
        return c.text();
    }

    @Test
    void v3SigkillMovesVipAndClientFollows() {
        try (Lab lab = Lab.create(2, SystemTestSupport.baseDir())) {
            Daemon n1 = VrrpDaemons.create(lab, lab.node(1), VrrpDaemons.Kind.KEEPALIVED, conf("n1", 150, 3, "0.1", null)).start();
            Daemon n2 = VrrpDaemons.create(lab, lab.node(2), VrrpDaemons.Kind.KEEPALIVED, conf("n2", 100, 3, "0.1", null)).start();
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 10_000), "n1 (prio 150) becomes the only VIP holder: " + lab.holders(Lab.VIP));
            ClientProbe probe = lab.own(new ClientProbe(lab, Lab.VIP, Lab.PORT));
            GarpCapture garp = lab.own(new GarpCapture(lab));
            VipWatch watch = lab.own(new VipWatch(lab));
            assertTrue(probe.await(0, "n1", 10_000).isPresent(), "client reaches the VIP on n1");

            // both start together, so n2 may hold the VIP for a moment before n1 preempts: count from the kill
            long mastersBefore = LogCheck.transitions(n2.log(), "MASTER");
            long kill = Sh.nowMicros();
            n1.signalGroup("KILL");
            assertTrue(watch.awaitAdd(Lab.VIP, kill, 1, 5_000).isPresent(), "VIP added on n2 after SIGKILL of n1");
            assertTrue(probe.await(kill, "n2", 5_000).isPresent(), "client reaches the VIP on n2");
            Optional<GarpCapture.Garp> g = garp.await(Lab.VIP, kill, lab.node(1).mac(), 3_000);
            assertTrue(g.isPresent(), "GARP for the VIP from n2: " + garp.all());
            assertEquals(lab.node(2).mac(), g.get().mac());
            assertEquals(mastersBefore + 1, LogCheck.transitions(n2.log(), "MASTER"), n2.log());

            // restore: keepalived removes the VIP left by its killed predecessor and preempts back
            n1.waitExit(2_000);
            VrrpDaemons.clearPidFiles(lab, lab.node(1));
            long restart = Sh.nowMicros();
            n1.start();
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 10_000), "n1 preempts back: " + lab.holders(Lab.VIP));
            assertTrue(probe.await(restart, "n1", 5_000).isPresent(), "client reaches n1 again");
            assertEquals(java.util.List.of(), LogCheck.complaints(n1.log()));
            assertEquals(java.util.List.of(), LogCheck.complaints(n2.log()));
        }
    }

    @Test
    void v2PassAuthSigtermHandsOverWithPriorityZero() {
        try (Lab lab = Lab.create(2, SystemTestSupport.baseDir())) {
            Daemon n1 = VrrpDaemons.create(lab, lab.node(1), VrrpDaemons.Kind.KEEPALIVED, conf("n1", 150, 2, "1", "s3cret")).start();
            Daemon n2 = VrrpDaemons.create(lab, lab.node(2), VrrpDaemons.Kind.KEEPALIVED, conf("n2", 100, 2, "1", "s3cret")).start();
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(1), 15_000), "n1 becomes the only VIP holder: " + lab.holders(Lab.VIP));
            ClientProbe probe = lab.own(new ClientProbe(lab, Lab.VIP, Lab.PORT));
            assertTrue(probe.await(0, "n1", 10_000).isPresent(), "client reaches n1");

            long term = Sh.nowMicros();
            n1.signalGroup("TERM");
            assertEquals(0, n1.waitExit(10_000), "keepalived exits cleanly on SIGTERM");
            // SIGTERM: n1 sends priority 0 and removes its VIP, so n2 must become the sole holder
            assertTrue(lab.awaitHolders(Lab.VIP, Set.of(2), 5_000), "n2 is the sole holder: " + lab.holders(Lab.VIP));
            assertTrue(probe.await(term, "n2", 5_000).isPresent(), "client reaches n2");
            assertTrue(n2.log().contains("Entering MASTER STATE"), n2.log());
            assertEquals(java.util.List.of(), LogCheck.complaints(n2.log()));
        }
    }
}
