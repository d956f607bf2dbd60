package org.halo.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rehearsal walks the failover paths and leaves nothing behind but what its network port is told. */
class TransitionRehearsalTest {

    @Test
    void everyRoundElectsHandsOverAndReleasesInEachFamilyAndVersion() {
        List<String> effects = new ArrayList<>();
        int masters = TransitionRehearsal.run(4, (name, inMemory) -> new VrrpNetwork() {
            @Override
            public void sendAdvert(OutboundAdvert a) {
                effects.add(name + " advert v" + (a.vrrpMessage()[0] >> 4) + (a.source().getAddress().length == 16 ? " ipv6" : " ipv4"));
                inMemory.sendAdvert(a);
            }

            @Override
            public void addAddresses(String instance, String interfaceName, List<VirtualAddress> addresses, boolean accept) {
                effects.add(instance + " add");
            }

            @Override
            public void removeAddresses(String instance, String interfaceName, List<VirtualAddress> addresses) {
                effects.add(instance + " remove");
            }

            @Override
            public void announce(String instance, String interfaceName, List<VirtualAddress> addresses, int rounds) {
                effects.add(instance + " announce");
            }
        });
        // per round: the low one alone, the high one preempting, the low one after the priority-0 release
        assertEquals(4 * 3, masters);
        for (String kind : List.of("v3 ipv4", "v3 ipv6", "v2 ipv4", "v2 ipv6")) {
            assertTrue(effects.contains("rehearsal-1 advert " + kind), kind + " rehearsed: " + effects);
        }
        assertTrue(effects.contains("rehearsal-2 announce") && effects.contains("rehearsal-2 remove"), effects.toString());
        for (String instance : TransitionRehearsal.INSTANCES) {
            List<String> vipOps = effects.stream().filter(e -> e.equals(instance + " add") || e.equals(instance + " remove")).toList();
            assertEquals(instance + " remove", vipOps.get(vipOps.size() - 1), "the VIPs are removed in the end");
        }
    }
}
