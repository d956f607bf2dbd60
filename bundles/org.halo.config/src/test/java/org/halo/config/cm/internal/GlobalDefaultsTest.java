package org.halo.config.cm.internal;

import static org.halo.config.TestFiles.load;
import static org.halo.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** global_defs vrrp_* defaults land in each org.halo.vrrp.instance configuration; the instance's own value wins. */
class GlobalDefaultsTest {
    @TempDir
    Path dir;

    private Map<String, Object> instance(String conf, String name) throws Exception {
        List<Desired> d = Publisher.desired(load(write(dir, "k.conf", conf)).tree());
        return d.stream().filter(x -> x.key().equals("vrrp_instance:" + name)).findFirst().orElseThrow().properties();
    }

    private static final String VI = "vrrp_instance VI_1 {\n  interface lo\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.1\n  }\n%s}\n";

    @Test
    void globalsFillUnsetInstanceKeywords() throws Exception {
        String conf = "global_defs {\n  vrrp_version 3\n  vrrp_garp_master_repeat 2\n  vrrp_garp_master_delay 1\n"
            + "  vrrp_garp_master_refresh 30\n  vrrp_check_unicast_src\n  vrrp_skip_check_adv_addr\n  vrrp_lower_prio_no_advert false\n"
            + "  vrrp_higher_prio_send_advert\n  vrrp_down_timer_adverts 5\n  vrrp_priority -20\n  vrrp_garp_interval 0.01\n}\n" + VI.formatted("");
        Map<String, Object> p = instance(conf, "VI_1");
        assertEquals("3", p.get("version"));
        assertEquals("2", p.get("garp_master_repeat"));
        assertEquals("1", p.get("garp_master_delay"));
        assertEquals("30", p.get("garp_master_refresh"));
        // keepalived: unset global lower-priority settings follow the global master ones
        assertEquals("2", p.get("garp_lower_prio_repeat"));
        assertEquals("1", p.get("garp_lower_prio_delay"));
        assertEquals("true", p.get("check_unicast_src"));
        assertEquals("true", p.get("skip_check_adv_addr"));
        assertEquals("false", p.get("lower_prio_no_advert"));
        assertEquals("true", p.get("higher_prio_send_advert"));
        assertEquals("5", p.get("down_timer_adverts"));
        assertEquals("0.01", p.get("vrrp_garp_interval"));
        // vrrp_priority is the process's scheduling priority, not an instance setting
        assertFalse(p.containsKey("priority"));
        assertFalse(p.containsKey("strict_mode"));
    }

    @Test
    void instanceValueWins() throws Exception {
        String conf = "global_defs {\n  vrrp_version 3\n  vrrp_garp_master_repeat 2\n  vrrp_garp_lower_prio_repeat 7\n}\n"
            + VI.formatted("  version 2\n  garp_master_repeat 9\n");
        Map<String, Object> p = instance(conf, "VI_1");
        assertEquals("2", p.get("version"));
        assertEquals("9", p.get("garp_master_repeat"));
        assertEquals("7", p.get("garp_lower_prio_repeat"));
        assertFalse(p.containsKey("garp_lower_prio_delay"));
    }

    @Test
    void strictInstancesDoNotInheritLowerPriorityGarps() throws Exception {
        String conf = "global_defs {\n  vrrp_strict\n  vrrp_garp_master_repeat 2\n}\n" + VI.formatted("");
        Map<String, Object> p = instance(conf, "VI_1");
        assertEquals("true", p.get("strict_mode"));
        assertEquals("2", p.get("garp_master_repeat"));
        assertFalse(p.containsKey("garp_lower_prio_repeat"));
        // an instance that turns strict mode off inherits them again
        Map<String, Object> q = instance(conf.replace(VI.formatted(""), VI.formatted("  strict_mode off\n")), "VI_1");
        assertEquals("2", q.get("garp_lower_prio_repeat"));
    }

    @Test
    void minGarpAndRejectedValues() throws Exception {
        String conf = "global_defs {\n  vrrp_min_garp\n  vrrp_garp_master_delay 3\n}\n" + VI.formatted("");
        Map<String, Object> p = instance(conf, "VI_1");
        assertEquals("1", p.get("garp_master_repeat"));
        assertEquals("3", p.get("garp_master_delay"));
        assertEquals("0", p.get("garp_master_refresh"));
        assertEquals(Map.of("version", "3"), GlobalDefaults.effectiveGlobals(Map.of("vrrp_version", "3")));
        assertEquals(Map.of(), GlobalDefaults.effectiveGlobals(Map.of("vrrp_version", "4", "vrrp_garp_master_repeat", "x")));
    }
}
