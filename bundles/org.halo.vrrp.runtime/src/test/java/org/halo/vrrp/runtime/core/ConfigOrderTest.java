package org.halo.vrrp.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Instances reach the engine in keepalived.conf order, whatever order ConfigAdmin delivered them in. */
class ConfigOrderTest {
    private static Map<String, Object> cfg(String name, String file, Object line) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        if (file != null) {
            p.put("halo.file", file);
            p.put("halo.line", line);
        }
        return p;
    }

    private static List<String> names(List<Map<String, Object>> ps) {
        return ps.stream().map(p -> String.valueOf(p.get("name"))).toList();
    }

    @Test
    void fileThenLineNotDeliveryOrder() {
        // delivered as ConfigAdmin happened to (a hash order after a restart); line 9 before line 40, numerically
        List<Map<String, Object>> delivered = new ArrayList<>(List.of(cfg("VI_3", "/etc/k/keepalived.conf", 40), cfg("VI_B", "/etc/k/b.conf", 2),
                cfg("VI_1", "/etc/k/keepalived.conf", 9), cfg("VI_2", "/etc/k/keepalived.conf", 12), cfg("VI_A", "/etc/k/a.conf", 30)));
        assertEquals(List.of("VI_A", "VI_B", "VI_1", "VI_2", "VI_3"), names(ConfigOrder.sorted(delivered)));
    }

    @Test
    void configurationsWithoutLocationFollowByNameAndTextLinesCount() {
        List<Map<String, Object>> delivered = List.of(cfg("VI_z", null, null), cfg("VI_x", "/k.conf", "100"), cfg("VI_a", null, null),
                cfg("VI_y", "/k.conf", "20"));
        assertEquals(List.of("VI_y", "VI_x", "VI_a", "VI_z"), names(ConfigOrder.sorted(delivered)));
    }
}
