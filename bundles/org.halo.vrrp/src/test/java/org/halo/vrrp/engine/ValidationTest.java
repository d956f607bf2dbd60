package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.cfg;
import static org.halo.vrrp.engine.Harness.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.packet.Ipv4Datagram;
import org.halo.vrrp.packet.VrrpAdvert;
import org.junit.jupiter.api.Test;

/** vrrp_check_packet: each check's log line and counter, in keepalived's order. */
class ValidationTest {

    static Harness backup(InstanceConfig c) {
        Harness h = new Harness().start(c);
        h.advanceMillis(500);
        return h;
    }

    @Test
    void multicastTtlMustBe255() {
        Harness h = backup(cfg("VI_1", 100).build());
        InboundPacket p = Harness.v2("10.0.0.2", 150);
        h.receive(new InboundPacket("eth0", p.source(), p.destination(), 254, p.vrrpMessage(), null));
        h.assertLog("(VI_1) invalid TTL/HL. Received 254 and expect 255");
        assertEquals(1, h.counters("VI_1").ipTtlErr());
        assertEquals(0, h.counters("VI_1").advertRcvd());
    }

    @Test
    void unicastTtlRangeWithCheckUnicastSrc() {
        Harness h = backup(cfg("VI_1", 100).unicastPeer(new UnicastPeer(ip("10.0.0.2"), 250, 255))
                .checkUnicastSrc(true).build());
        VrrpAdvert a = VrrpAdvert.v2(51, 150, 1, AuthType.NONE, null, List.of(ip("10.0.0.100")));
        h.receive(Harness.packet(a, "10.0.0.2", "10.0.0.1", 64));
        h.assertLog("(VI_1) TTL/HL 64 not in range 250 - 255");
        assertEquals(1, h.counters("VI_1").ipTtlErr());
        h.receive(Harness.packet(a, "10.0.0.9", "10.0.0.1", 255));
        h.assertLog("(VI_1) unicast source address 10.0.0.9 not a unicast peer");
        h.receive(Harness.packet(a, "10.0.0.2", "224.0.0.18", 255));
        h.assertLog("(VI_1) Expected unicast packet but received multicast packet");
        h.receive(Harness.packet(a, "10.0.0.2", "10.0.0.1", 251));
        assertEquals(Harness.ip("10.0.0.2"), h.engine.snapshot("VI_1").orElseThrow().masterAddress());
    }

    @Test
    void vipCountAndListChecks() {
        Harness h = backup(cfg("VI_1", 100).build());
        h.receive(Harness.v2("10.0.0.2", 150, 1, List.of(ip("10.0.0.100"), ip("10.0.0.101"))));
        h.assertLog("(VI_1) received an unexpected ip number count 2, expected 1!");
        h.receive(Harness.v2("10.0.0.2", 150, 1, List.of(ip("10.0.0.99"))));
        h.assertLog("(VI_1) ip address associated with VRID 51 not present in MASTER advert : 10.0.0.100");
        assertEquals(2, h.counters("VI_1").addrListErr());
    }

    @Test
    void skipCheckAdvAddrSkipsTheListForTheKnownMaster() {
        Harness h = backup(cfg("VI_1", 100).skipCheckAdvAddr(true).build());
        h.receive(Harness.v2("10.0.0.2", 150));
        h.receive(Harness.v2("10.0.0.2", 150, 1, List.of(ip("10.0.0.99"))));
        assertEquals(0, h.counters("VI_1").addrListErr());
        assertEquals(2, h.counters("VI_1").advertRcvd());
        // a different sender is still checked
        h.receive(Harness.v2("10.0.0.3", 150, 1, List.of(ip("10.0.0.99"))));
        assertEquals(1, h.counters("VI_1").addrListErr());
    }

    @Test
    void lengthTypeAndIntervalErrors() {
        Harness h = backup(cfg("VI_1", 100).build());
        InboundPacket p = Harness.v2("10.0.0.2", 150);
        byte[] shortMsg = Arrays.copyOf(p.vrrpMessage(), p.vrrpMessage().length - 1);
        h.receive(new InboundPacket("eth0", p.source(), p.destination(), 255, shortMsg, null));
        h.assertLog("(VI_1) vrrp packet too short, length 39 and expect 40");
        assertEquals(1, h.counters("VI_1").packetLenErr());

        VrrpAdvert bad = new VrrpAdvert(2, 2, 51, 150, 1, AuthType.NONE, 0, 0, List.of(ip("10.0.0.100")), new byte[8]);
        h.receive(Harness.packet(bad, "10.0.0.2", "224.0.0.18", 255));
        h.assertLog("(VI_1) Invalid packet type. 2 and expect 1");
        assertEquals(1, h.counters("VI_1").invalidTypeRcvd());

        h.receive(Harness.v2("10.0.0.2", 150, 2, List.of(ip("10.0.0.100"))));
        h.assertLog("(VI_1) advertisement interval mismatch mine=1 sec rcv'd=2 sec");
        assertEquals(1, h.counters("VI_1").advertIntervalErr());
    }

    @Test
    void checksumIsVerified() {
        Harness h = backup(cfg("VI_1", 100).build());
        InboundPacket p = Harness.v2("10.0.0.2", 150);
        byte[] m = p.vrrpMessage();
        m[7] ^= 1;
        h.receive(p);
        h.assertLog("(VI_1) Invalid VRRPv2 checksum");
        assertEquals(0, h.counters("VI_1").advertRcvd());
    }

    @Test
    void authChecks() {
        Harness h = backup(cfg("VI_1", 100).auth(AuthType.PASS, "secret12".getBytes()).build());
        VrrpAdvert none = VrrpAdvert.v2(51, 150, 1, AuthType.NONE, null, List.of(ip("10.0.0.100")));
        h.receive(Harness.packet(none, "10.0.0.2", "224.0.0.18", 255));
        h.assertLog("(VI_1) received a 0 auth, expecting 1!");
        assertEquals(1, h.counters("VI_1").authtypeMismatch());
        VrrpAdvert wrong = VrrpAdvert.v2(51, 150, 1, AuthType.PASS, "secret13".getBytes(), List.of(ip("10.0.0.100")));
        h.receive(Harness.packet(wrong, "10.0.0.2", "224.0.0.18", 255));
        h.assertLog("(VI_1) received an invalid passwd!");
        assertEquals(1, h.counters("VI_1").authFailure());
        VrrpAdvert type7 = new VrrpAdvert(2, 1, 51, 150, 1, null, 7, 0, List.of(ip("10.0.0.100")), new byte[8]);
        h.receive(Harness.packet(type7, "10.0.0.2", "224.0.0.18", 255));
        h.assertLog("(VI_1) Invalid auth type: 7");
        assertEquals(1, h.counters("VI_1").invalidAuthtype());
        VrrpAdvert ok = VrrpAdvert.v2(51, 150, 1, AuthType.PASS, "secret12".getBytes(), List.of(ip("10.0.0.100")));
        h.receive(Harness.packet(ok, "10.0.0.2", "224.0.0.18", 255));
        assertEquals(1, h.counters("VI_1").advertRcvd());
    }

    @Test
    void keepalivedAhAdvertIsAcceptedAndTamperingRejected() throws Exception {
        byte[] d;
        try (InputStream in = getClass().getResourceAsStream("/golden/v2_ah.hex")) {
            String line = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n"))
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
            d = HexFormat.of().parseHex(line.trim());
        }
        InstanceConfig c = InstanceConfig.builder("VI_1", 51, "eth0", ip("10.77.0.2")).priority(100)
                .virtualAddress(VirtualAddress.of(ip("10.77.0.100"), 24)).auth(AuthType.AH, "ahsecret".getBytes())
                .build();
        Harness h = backup(c);
        Ipv4Datagram.Parsed ip = Ipv4Datagram.parse(d, 0, d.length);
        byte[] msg = Arrays.copyOfRange(d, ip.vrrpOffset(), d.length);
        h.receive(new InboundPacket("eth0", ip.source(), ip.destination(), 255, msg, d));
        assertEquals(1, h.counters("VI_1").advertRcvd());
        assertEquals(150, h.engine.snapshot("VI_1").orElseThrow().masterPriority());
        byte[] t = d.clone();
        t[35] ^= 1; // ICV
        h.receive(new InboundPacket("eth0", ip.source(), ip.destination(), 255, msg, t));
        h.assertLog("(VI_1) invalid IPSEC HMAC-MD5 value. Due to fields mutation or bad password !");
        assertEquals(1, h.counters("VI_1").authFailure());
        h.receive(new InboundPacket("eth0", ip.source(), ip.destination(), 255, msg, null));
        h.assertLog("(VI_1) No AH header but auth type is AH");
    }

    @Test
    void ahMasterSendsDatagramsKeepalivedAccepts() throws Exception {
        InstanceConfig c = InstanceConfig.builder("VI_1", 51, "eth0", ip("10.77.0.1")).priority(255)
                .virtualAddress(VirtualAddress.of(ip("10.77.0.100"), 24)).auth(AuthType.AH, "ahsecret".getBytes())
                .build();
        Harness h = new Harness().start(c);
        byte[] d = h.sent.get(0).ipv4Datagram();
        assertEquals(true, Ipv4Datagram.ahValid(d, 0, d.length, "ahsecret".getBytes(), false));
        assertEquals(1, Ipv4Datagram.parse(d, 0, d.length).ahSeq());
    }

    @Test
    void v3UnicastOldChecksumIsAdopted() {
        Harness h = backup(cfg("VI_1", 100).version(3).unicastPeer(UnicastPeer.of(ip("10.0.0.2"))).build());
        VrrpAdvert a = VrrpAdvert.v3(51, 150, 100, List.of(ip("10.0.0.100")));
        byte[] m = org.halo.vrrp.packet.VrrpCodec.encode(a, ip("10.0.0.2"), ip("10.0.0.1"),
                org.halo.vrrp.packet.ChecksumMode.MCAST_PSEUDO_HEADER);
        h.receive(new InboundPacket("eth0", ip("10.0.0.2"), ip("10.0.0.1"), 255, m, null));
        h.assertLog("(VI_1) Setting unicast VRRPv3 checksum to old version");
        assertEquals(1, h.counters("VI_1").advertRcvd());
    }

    @Test
    void priorityZeroIsCounted() {
        Harness h = backup(cfg("VI_1", 100).build());
        h.receive(Harness.v2("10.0.0.2", 0));
        assertEquals(1, h.counters("VI_1").priZeroRcvd());
    }

    @Test
    void otherVridIsIgnored() {
        Harness h = backup(cfg("VI_1", 100).build());
        VrrpAdvert a = VrrpAdvert.v2(52, 150, 1, AuthType.NONE, null, List.of(ip("10.0.0.100")));
        h.receive(Harness.packet(a, "10.0.0.2", "224.0.0.18", 255));
        assertEquals(0, h.counters("VI_1").advertRcvd());
        assertEquals(0, h.counters("VI_1").addrListErr());
    }
}
