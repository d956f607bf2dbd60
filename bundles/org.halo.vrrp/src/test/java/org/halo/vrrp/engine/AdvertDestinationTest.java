package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.cfg;
import static org.halo.vrrp.engine.Harness.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.halo.vrrp.packet.ChecksumMode;
import org.halo.vrrp.packet.VrrpAdvert;
import org.halo.vrrp.packet.VrrpCodec;
import org.junit.jupiter.api.Test;

/** mcast_dst_ip and unicast_ttl: where adverts go and with which TTL; what a backup accepts. */
class AdvertDestinationTest {

    @Test
    void mcastDstIpReplacesTheGroupWithTtl255AndTheV3ChecksumCoversIt() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).multicastGroup(ip("224.0.0.77")).unicastTtl(9).build());
        h.advanceMillis(4000);
        OutboundAdvert a = h.sent.get(h.sent.size() - 1);
        assertEquals(ip("224.0.0.77"), a.destination());
        assertEquals(255, a.ttl(), "unicast_ttl is for unicast adverts only");
        byte[] m = a.vrrpMessage();
        assertTrue(VrrpCodec.checksumValid(m, 0, m.length, 3, ip("10.0.0.1"), ip("224.0.0.77"), ChecksumMode.PSEUDO_HEADER),
                "checksum over the configured group, as the receiver computes it");
    }

    @Test
    void unicastAdvertsCarryUnicastTtl() {
        Harness h = new Harness().start(cfg("VI_1", 100).unicastPeer(UnicastPeer.of(ip("10.0.0.2"))).unicastTtl(7).build());
        h.advanceMillis(4000);
        OutboundAdvert a = h.sent.get(h.sent.size() - 1);
        assertEquals(ip("10.0.0.2"), a.destination());
        assertEquals(7, a.ttl());
    }

    @Test
    void backupAcceptsAdvertsToItsConfiguredGroup() {
        Harness h = new Harness().start(cfg("VI_1", 100).version(3).multicastGroup(ip("224.0.0.77")).build());
        VrrpAdvert adv = VrrpAdvert.v3(51, 150, 100, List.of(ip("10.0.0.100")));
        for (int i = 0; i < 6; i++) {
            h.receive(Harness.packet(adv, "10.0.0.2", "224.0.0.77", 255));
            h.advanceMillis(1000);
        }
        assertEquals(VrrpState.BACKUP, h.state("VI_1"), "the master's adverts to 224.0.0.77 keep it backup");
        assertEquals(6, h.counters("VI_1").advertRcvd());
    }

    /** keepalived (vrrp_check_packet): unicast adverts are not held to TTL 255; only a peer's min_ttl/max_ttl apply. */
    @Test
    void unicastAdvertWithLowTtlIsAccepted() {
        Harness h = new Harness().start(cfg("VI_1", 100).unicastPeer(UnicastPeer.of(ip("10.0.0.2"))).checkUnicastSrc(true).build());
        VrrpAdvert adv = VrrpAdvert.v2(51, 150, 1, org.halo.vrrp.packet.AuthType.NONE, null, List.of(ip("10.0.0.100")));
        for (int i = 0; i < 6; i++) {
            h.receive(Harness.packet(adv, "10.0.0.2", "10.0.0.1", 7));
            h.advanceMillis(1000);
        }
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
        assertEquals(0, h.counters("VI_1").ipTtlErr());
    }
}
