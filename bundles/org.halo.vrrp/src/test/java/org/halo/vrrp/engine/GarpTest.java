package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The GARP / unsolicited NA schedule: garp_master_delay/_repeat/_refresh/_refresh_repeat, garp_lower_prio_*. */
class GarpTest {

    static List<String> announces(Harness h) {
        return h.ops.stream().filter(o -> o.startsWith("announce")).collect(Collectors.toList());
    }

    @Test
    void masterEntryAnnouncesThenRepeatsAfterDelay() {
        Harness h = new Harness().start(cfg("VI_1", 255).garp(new GarpConfig(5000, 3, 0, 1, 0, 0)).build());
        h.assertLog("(VI_1) Sending/queueing gratuitous ARPs on eth0 for 10.0.0.100");
        h.advanceMillis(20_000);
        assertEquals(List.of("announce VI_1 x3 @0", "announce VI_1 x3 @5000"), announces(h));
    }

    @Test
    void refreshWhileMaster() {
        Harness h = new Harness().start(cfg("VI_1", 255).garp(new GarpConfig(0, 1, 10_000, 2, 0, 0)).build());
        h.advanceMillis(25_000);
        assertEquals(List.of("announce VI_1 x1 @0", "announce VI_1 x2 @10000", "announce VI_1 x2 @20000"),
                announces(h));
    }

    @Test
    void lowerPriorityAdvertTriggersLowerPrioGarps() {
        Harness h = new Harness().start(cfg("VI_1", 255).garp(new GarpConfig(0, 1, 0, 1, 2000, 4)).build());
        h.advanceMillis(1000);
        h.receive(Harness.v2("10.0.0.2", 100));
        h.assertLog("(VI_1) Received advert from 10.0.0.2 with lower priority 100, ours 255, forcing new election");
        h.advanceMillis(5000);
        assertEquals(List.of("announce VI_1 x1 @0", "announce VI_1 x4 @1000", "announce VI_1 x4 @3000"), announces(h));
    }

    @Test
    void ipv6AnnouncesNeighbourAdverts() {
        InstanceConfig c = InstanceConfig.builder("VI_6", 52, "eth0", Harness.ip("fe80::1")).priority(255).version(3)
                .virtualAddress(VirtualAddress.of(Harness.ip("fe80::100"), 64)).build();
        Harness h = new Harness().start(c);
        h.assertLog("(VI_6) Sending/queueing Unsolicited Neighbour Adverts on eth0 for fe80::100");
        assertEquals(Harness.ip("ff02::12"), h.sent.get(0).destination());
    }

    @Test
    void noAnnounceAfterLeavingMaster() {
        Harness h = new Harness().start(cfg("VI_1", 100).garp(new GarpConfig(5000, 2, 0, 1, 0, 0)).build());
        h.advanceMillis(4000);
        for (int i = 0; i < 10; i++) {
            h.receive(Harness.v2("10.0.0.2", 200));
            h.advanceMillis(1000);
        }
        assertEquals(VrrpState.BACKUP, h.state("VI_1"));
        assertEquals(1, announces(h).size(), announces(h).toString());
    }
}
