package org.halo.vrrp.runtime.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.SyncGroupConfig;
import org.halo.vrrp.engine.TrackConfig;
import org.halo.vrrp.packet.AuthType;
import org.junit.jupiter.api.Test;

class ConfigMappingTest {
    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keepalivedKeywordsMapOntoTheEngineConfig() {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "VI_1");
        p.put("interface", "eth0");
        p.put("virtual_router_id", "51");
        p.put("priority", 150);
        p.put("version", "3");
        p.put("advert_int", "0.1");
        p.put("nopreempt", Boolean.TRUE);
        p.put("preempt_delay", "4");
        p.put("virtual_ipaddress", new String[] {"10.77.0.100/24 dev eth0", "10.77.0.101 label eth0:1"});
        p.put("unicast_src_ip", "10.77.0.11");
        p.put("unicast_peer", List.of("10.77.0.12", "10.77.0.13"));
        p.put("track_script", new String[] {"chk_nginx", "chk_db weight -20"});
        p.put("track_interface", "eth1");
        InstanceConfig c = ConfigMapping.instance(p, x -> {
            throw new AssertionError("unicast_src_ip given: no lookup");
        }, (k, s) -> s.equals("chk_nginx") ? new TrackDefault(-60, false) : null);
        assertEquals(51, c.vrid());
        assertEquals(150, c.priority());
        assertEquals(3, c.version());
        assertEquals(100, c.advertIntervalMillis());
        assertTrue(c.nopreempt());
        assertEquals(4000, c.preemptDelayMillis());
        assertEquals(ip("10.77.0.11"), c.sourceAddress());
        assertEquals(2, c.unicastPeers().size());
        assertEquals(24, c.virtualAddresses().get(0).prefixLength());
        assertEquals("eth0", c.virtualAddresses().get(0).device());
        assertEquals(-1, c.virtualAddresses().get(1).prefixLength());
        assertEquals("label eth0:1", c.virtualAddresses().get(1).options());
        assertEquals(List.of(new TrackConfig(TrackConfig.Kind.INTERFACE, "eth1", 0, false), new TrackConfig(TrackConfig.Kind.SCRIPT, "chk_nginx", -60, false),
                new TrackConfig(TrackConfig.Kind.SCRIPT, "chk_db", -20, false)), c.tracks());
    }

    @Test
    void defaultsSourceLookupIpv6AndAuth() {
        Map<String, Object> p = new HashMap<>(Map.of("name", "VI_6", "interface", "eth0", "virtual_router_id", "61", "virtual_ipaddress", "fd77::100/64",
                "auth_type", "PASS", "auth_pass", "s3cret", "state", "MASTER"));
        InstanceConfig c = ConfigMapping.instance(p, x -> {
            assertArrayEquals(new String[] {"eth0", "true"}, x);
            return ip("fe80::1");
        }, TrackDefault.Lookup.NONE);
        assertTrue(c.ipv6());
        assertEquals(255, c.priority(), "state MASTER without priority is keepalived's 255");
        assertEquals(1000, c.advertIntervalMillis());
        assertEquals(AuthType.PASS, c.authType());
        assertEquals("s3cret", new String(c.authPass(), 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void trackFileAndTrackProcessEntriesTakeTheObjectsOwnWeightUnlessOverridden() {
        Map<String, Object> p = new HashMap<>(Map.of("name", "VI_1", "interface", "eth0", "virtual_router_id", "51",
                "unicast_src_ip", "10.77.0.11", "virtual_ipaddress", "10.77.0.100/24"));
        p.put("track_file", new String[] {"tf1", "tf2 weight 3", "tf3 weight -2 noreverse", "unknown"});
        p.put("track_process", new String[] {"nginx", "haproxy weight 5 reverse"});
        TrackDefault.Lookup own = (k, n) -> switch (k + ":" + n) {
            case "FILE:tf1", "FILE:tf3" -> new TrackDefault(4, true);
            case "PROCESS:nginx" -> new TrackDefault(-10, false);
            default -> null;
        };
        InstanceConfig c = ConfigMapping.instance(p, x -> null, own);
        assertEquals(List.of(new TrackConfig(TrackConfig.Kind.FILE, "tf1", 4, true), new TrackConfig(TrackConfig.Kind.FILE, "tf2", 3, false),
                new TrackConfig(TrackConfig.Kind.FILE, "tf3", -2, false), new TrackConfig(TrackConfig.Kind.FILE, "unknown", 1, false),
                new TrackConfig(TrackConfig.Kind.PROCESS, "nginx", -10, false), new TrackConfig(TrackConfig.Kind.PROCESS, "haproxy", 5, true)),
                c.tracks());
        SyncGroupConfig g = ConfigMapping.syncGroup(Map.of("name", "G1", "group", "VI_1", "track_process", "nginx weight 0"), own);
        assertEquals(List.of(new TrackConfig(TrackConfig.Kind.PROCESS, "nginx", 0, false)), g.tracks());
        assertEquals(new TrackDefault(7, true), TrackDefault.parse("7 reverse", 0));
        assertEquals(new TrackDefault(1, false), TrackDefault.parse(null, 1));
    }

    @Test
    void syncGroupAndRefusals() {
        SyncGroupConfig g = ConfigMapping.syncGroup(Map.of("name", "G1", "group", new String[] {"VI_1", "VI_2"}), TrackDefault.Lookup.NONE);
        assertEquals(List.of("VI_1", "VI_2"), g.members());
        assertThrows(IllegalArgumentException.class, () -> ConfigMapping.instance(Map.of("name", "X"), x -> null, TrackDefault.Lookup.NONE));
        assertThrows(IllegalArgumentException.class, () -> ConfigMapping.vip("vip.example/24"), "no DNS for a host name");
    }

    @Test
    void resolvedGlobalDefaultsAndTriStateKeywords() {
        Map<String, Object> p = new HashMap<>(Map.of("name", "VI_1", "interface", "eth0", "virtual_router_id", "51", "unicast_src_ip", "10.0.0.1",
                "check_unicast_src", "true", "skip_check_adv_addr", "true", "lower_prio_no_advert", "off", "down_timer_adverts", "5",
                "garp_master_repeat", "2", "strict_mode", "on"));
        InstanceConfig c = ConfigMapping.instance(p, x -> null, TrackDefault.Lookup.NONE);
        assertTrue(c.checkUnicastSrc());
        assertTrue(c.skipCheckAdvAddr());
        assertTrue(c.strict());
        assertEquals(Boolean.FALSE, c.lowerPrioNoAdvert());
        assertEquals(null, c.higherPrioSendAdvert(), "unset stays unset: the engine's default depends on strict mode");
        assertEquals(5, c.downTimerAdverts());
        assertEquals(2, c.garp().masterRepeat());
        p.put("strict_mode", "off");
        p.put("no_accept", "true");
        InstanceConfig d = ConfigMapping.instance(p, x -> null, TrackDefault.Lookup.NONE);
        assertEquals(false, d.strict());
        assertEquals(Boolean.FALSE, d.accept());
    }

    @Test
    void useVmacMakesTheVmacTheInstanceInterface() {
        Map<String, Object> p = new HashMap<>(Map.of("name", "VI_1", "interface", "eth0", "virtual_router_id", "51", "use_vmac", "true",
                "virtual_ipaddress", "10.0.0.100/24"));
        InstanceConfig c = ConfigMapping.instance(p, x -> {
            assertArrayEquals(new String[] {"eth0", "false"}, x, "the source is the parent's address: the VMAC has none");
            return ip("10.0.0.1");
        }, TrackDefault.Lookup.NONE);
        assertEquals("vrrp.51", c.interfaceName());
        org.halo.vrrp.runtime.net.VmacSpec v = ConfigMapping.vmac(p).orElseThrow();
        assertEquals(new org.halo.vrrp.runtime.net.VmacSpec("VI_1", "vrrp.51", "eth0", 51, false, false, false), v);
        assertEquals("vrrp.51", v.advertDevice());
        p.put("use_vmac", "vmac1");
        p.put("vmac_xmit_base", "true");
        p.put("use_vmac_addr", "true");
        v = ConfigMapping.vmac(p).orElseThrow();
        assertEquals("vmac1", v.name());
        assertEquals("eth0", v.advertDevice(), "vmac_xmit_base: adverts on the parent");
        assertTrue(v.useVmacAddr());
        p.put("vrrp_garp_interval", "0.01");
        assertEquals(new org.halo.vrrp.runtime.net.InstanceNet(v, 10_000, 0), ConfigMapping.net(p));
        p.remove("use_vmac");
        assertTrue(ConfigMapping.vmac(p).isEmpty());
        assertEquals("eth0", ConfigMapping.instance(p, x -> ip("10.0.0.1"), TrackDefault.Lookup.NONE).interfaceName());
    }

    private static Map<String, Object> minimal(String vip) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "VI_M");
        p.put("interface", "eth0");
        p.put("virtual_router_id", "60");
        p.put("virtual_ipaddress", new String[] {vip});
        return p;
    }

    @Test
    void unicastTtlAndMcastDstIp() {
        Map<String, Object> p = minimal("10.77.0.100/24");
        InstanceConfig plain = ConfigMapping.instance(p, x -> ip("10.77.0.11"), TrackDefault.Lookup.NONE);
        assertEquals(255, plain.unicastTtl(), "keepalived's default");
        assertEquals(null, plain.multicastGroup(), "224.0.0.18 unless configured");
        p.put("unicast_ttl", "7");
        p.put("mcast_dst_ip", "224.0.0.77");
        InstanceConfig c = ConfigMapping.instance(p, x -> ip("10.77.0.11"), TrackDefault.Lookup.NONE);
        assertEquals(7, c.unicastTtl());
        assertEquals(ip("224.0.0.77"), c.multicastGroup());
        Map<String, Object> v6 = minimal("fd77::100/64");
        v6.put("mcast_dst_ip", "ff02::77");
        assertEquals(ip("ff02::77"), ConfigMapping.instance(v6, x -> ip("fe80::1"), TrackDefault.Lookup.NONE).multicastGroup());
    }

    @Test
    void mcastDstIpMustBeAGroupOfTheInstancesFamily() {
        Map<String, Object> unicastAddress = minimal("10.77.0.100/24");
        unicastAddress.put("mcast_dst_ip", "10.77.0.5");
        assertThrows(IllegalArgumentException.class, () -> ConfigMapping.instance(unicastAddress, x -> ip("10.77.0.11"), TrackDefault.Lookup.NONE));
        Map<String, Object> otherFamily = minimal("10.77.0.100/24");
        otherFamily.put("mcast_dst_ip", "ff02::77");
        assertThrows(IllegalArgumentException.class, () -> ConfigMapping.instance(otherFamily, x -> ip("10.77.0.11"), TrackDefault.Lookup.NONE));
        Map<String, Object> ttl = minimal("10.77.0.100/24");
        ttl.put("unicast_ttl", "256");
        assertThrows(IllegalArgumentException.class, () -> ConfigMapping.instance(ttl, x -> ip("10.77.0.11"), TrackDefault.Lookup.NONE));
    }
}
