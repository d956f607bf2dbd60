package org.halo.vrrp.engine;

import static org.halo.vrrp.engine.Harness.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.halo.vrrp.packet.AuthType;
import org.junit.jupiter.api.Test;

/** keepalived's refusals and warnings for preempt, owner, strict mode and intervals. */
class ConfigChecksTest {
    final List<String> logs = new ArrayList<>();

    InstanceConfig check(InstanceConfig.Builder b) {
        return ConfigChecks.apply(b.build(), (l, m) -> logs.add(m));
    }

    @Test
    void nopreemptWithInitialMasterIsCleared() {
        InstanceConfig c = check(cfg("VI_1", 100).initialMaster(true).nopreempt(true));
        assertTrue(logs.contains("(VI_1) Warning - nopreempt will not work with initial state MASTER - clearing"));
        assertFalse(c.nopreempt());
    }

    @Test
    void preemptDelayWithInitialMasterIsCleared() {
        InstanceConfig c = check(cfg("VI_1", 100).initialMaster(true).preemptDelayMillis(5000));
        assertTrue(logs.contains("(VI_1) Warning - preempt delay will not work with initial state MASTER - clearing"));
        assertEquals(0, c.preemptDelayMillis());
    }

    @Test
    void ownerCannotBeNopreempt() {
        InstanceConfig c = check(cfg("VI_1", 255).nopreempt(true));
        assertTrue(logs.contains("(VI_1) nopreempt is incompatible with priority 255 - resetting nopreempt"));
        assertFalse(c.nopreempt());
        assertTrue(c.initialMaster(), "the owner acts as though state MASTER was configured");
    }

    @Test
    void preemptDelayWithNopreemptIsReset() {
        InstanceConfig c = check(cfg("VI_1", 100).nopreempt(true).preemptDelayMillis(5000));
        assertTrue(logs.contains("(VI_1) preempt_delay is incompatible with nopreempt mode - resetting"));
        assertEquals(0, c.preemptDelayMillis());
    }

    @Test
    void strictModeRestrictions() {
        InstanceConfig c = check(cfg("VI_1", 100).strict(true).auth(AuthType.PASS, "x".getBytes())
                .preemptDelayMillis(3000).lowerPrioNoAdvert(false).higherPrioSendAdvert(true).accept(true));
        assertTrue(logs.contains("(VI_1) Strict mode does not support authentication. Ignoring."));
        assertTrue(logs.contains("(VI_1) preempt_delay is incompatible with strict mode - resetting"));
        assertTrue(logs.contains("(VI_1) Strict mode requires no lower priority advert - resetting"));
        assertTrue(logs.contains("(VI_1) strict mode requires higher_prio_send_advert to be clear - resetting"));
        assertTrue(logs.contains(
                "(VI_1) warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting"));
        assertEquals(AuthType.NONE, c.authType());
        assertTrue(c.lowerPrioNoAdvert());
        assertFalse(c.higherPrioSendAdvert());
        assertFalse(c.accept());
        assertEquals(0, c.garp().lowerPrioRepeat());
    }

    @Test
    void strictModeDefaultsAcceptOffAndRefusesUnicast() {
        assertFalse(check(cfg("VI_1", 100).strict(true)).accept());
        assertTrue(check(cfg("VI_1", 100)).accept());
        assertNull(check(cfg("VI_1", 100).strict(true).unicastPeer(UnicastPeer.of(Harness.ip("10.0.0.2")))));
        assertTrue(logs.contains("(VI_1) Unicast peers are not supported in strict mode"));
    }

    @Test
    void refusedInstanceIsNotStarted() {
        Harness h = new Harness().start(cfg("VI_1", 100).strict(true)
                .unicastPeer(UnicastPeer.of(Harness.ip("10.0.0.2"))).build());
        assertTrue(h.engine.snapshot("VI_1").isEmpty());
        h.assertLog("(VI_1) Unicast peers are not supported in strict mode");
    }

    @Test
    void intervalsAreRounded() {
        InstanceConfig c = check(cfg("VI_1", 100).advertIntervalMillis(1500));
        assertTrue(logs.contains("(VI_1) VRRPv2 advertisement interval 1.500000s must be an integer - rounding"));
        assertEquals(2000, c.advertIntervalMillis());
        InstanceConfig d = check(cfg("VI_2", 100).version(3).advertIntervalMillis(55_000));
        assertEquals(40_950, d.advertIntervalMillis());
        assertTrue(logs.contains(
                "(VI_2) VRRPv3 advertisement interval 55.00s is out of range. Must be less than 40.96s. Setting to 40.95s"));
    }

    @Test
    void ahWithInitialMasterIsCleared() {
        InstanceConfig c = check(cfg("VI_1", 100).auth(AuthType.AH, "k".getBytes()).initialMaster(true));
        assertTrue(logs.contains("(VI_1) Initial state master is incompatible with AH authentication - clearing"));
        assertFalse(c.initialMaster());
    }
}
