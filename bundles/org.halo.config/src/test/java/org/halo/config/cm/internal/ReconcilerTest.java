package org.halo.config.cm.internal;

import org.halo.config.cm.Pids;

import static org.halo.config.TestFiles.load;
import static org.halo.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload diff without a framework: a fake ConfigAdmin is a list of (pid, properties). */
class ReconcilerTest {
    @TempDir
    Path dir;

    private static final String CONF = "global_defs {\n  router_id r1\n}\n"
        + "vrrp_script chk {\n  script \"/bin/true\"\n  interval 2\n}\n"
        + "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n"
        + "  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n"
        + "  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }\n  track_script {\n    chk weight 10\n  }\n}\n"
        + "vrrp_instance VI_2 {\n  interface eth0\n  virtual_router_id 52\n  priority 90\n  virtual_ipaddress {\n    10.0.0.2\n  }\n}\n"
        + "virtual_server 10.0.0.1 80 {\n  delay_loop 6\n  lb_algo rr\n  lb_kind DR\n  protocol TCP\n"
        + "  real_server 10.0.0.5 80 {\n    weight 2\n    HTTP_GET {\n      url {\n        path /health\n        status_code 200\n      }\n"
        + "      connect_timeout 3\n    }\n  }\n}\n";

    /** Applies a plan to the fake store the way KeepalivedBridge applies it to ConfigAdmin. */
    private static int seq;

    private static void apply(Plan plan, List<Reconciler.Existing> store) {
        for (String pid : plan.delete()) {
            store.removeIf(e -> e.pid().equals(pid));
        }
        for (Desired d : plan.create()) {
            store.add(new Reconciler.Existing(d.pid() + "~" + seq++, d.factory() ? d.pid() : null, new HashMap<>(d.properties())));
        }
        for (Plan.Update u : plan.update()) {
            store.replaceAll(e -> e.pid().equals(u.pid()) ? new Reconciler.Existing(e.pid(), e.factoryPid(),
                new HashMap<>(u.desired().properties())) : e);
        }
    }

    private Map<String, Object> props(List<Reconciler.Existing> store, String key) {
        return store.stream().filter(e -> key.equals(e.key())).findFirst().orElseThrow().properties();
    }

    @Test
    void publishesEveryBlockWithKeywordProperties() throws Exception {
        List<Desired> d = Publisher.desired(load(write(dir, "k.conf", CONF)).tree());
        Map<String, Desired> byKey = new HashMap<>();
        d.forEach(x -> byKey.put(x.key(), x));
        Desired vi = byKey.get("vrrp_instance:VI_1");
        assertEquals(Pids.VRRP_INSTANCE, vi.pid());
        assertEquals("100", vi.properties().get("priority"));
        assertEquals("PASS", vi.properties().get("auth_type"));
        assertArrayEquals(new String[] {"10.0.0.1/24 dev eth0"}, (String[]) vi.properties().get("virtual_ipaddress"));
        assertArrayEquals(new String[] {"chk weight 10"}, (String[]) vi.properties().get("track_script"));
        assertEquals(Pids.SOURCE_VALUE, vi.properties().get(Pids.SOURCE));
        assertEquals(Pids.GLOBAL, byKey.get("global_defs").pid());
        assertEquals("2", byKey.get("vrrp_script:chk").properties().get("interval"));
        Desired vs = byKey.get("virtual_server:10.0.0.1 80");
        assertEquals("rr", vs.properties().get("lvs_sched"), "lb_algo is published under its canonical name");
        Desired check = d.stream().filter(x -> x.pid().equals(Pids.CHECK)).findFirst().orElseThrow();
        assertEquals("HTTP_GET", check.properties().get("type"));
        assertEquals("6", check.properties().get("delay_loop"), "inherits the virtual server's delay_loop");
        assertArrayEquals(new String[] {"path /health status_code 200"}, (String[]) check.properties().get("url"));
        assertEquals("2", byKey.get("real_server:10.0.0.1 80/10.0.0.5 80").properties().get("weight"));
    }

    @Test
    void reloadTouchesOnlyWhatChangedAndNeverForeignConfigurations() throws Exception {
        List<Reconciler.Existing> store = new ArrayList<>();
        Map<String, Object> foreign = new HashMap<>(Map.of("name", "VI_9", "priority", "50"));
        store.add(new Reconciler.Existing("org.halo.vrrp.instance~manual", Pids.VRRP_INSTANCE, foreign));

        Plan first = Reconciler.plan(Publisher.desired(load(write(dir, "k.conf", CONF)).tree()), store);
        assertEquals(0, first.update().size());
        assertEquals(0, first.delete().size());
        apply(first, store);
        int published = first.create().size();
        assertTrue(published >= 7, first.toString());

        Plan same = Reconciler.plan(Publisher.desired(load(write(dir, "k.conf", CONF)).tree()), store);
        assertTrue(same.isEmpty(), "re-reading an unchanged file changes nothing: " + same);
        assertEquals(published, same.unchanged());

        String edited = CONF.replace("priority 100", "priority 120").replace(
            "vrrp_instance VI_2 {\n  interface eth0\n  virtual_router_id 52\n  priority 90\n  virtual_ipaddress {\n    10.0.0.2\n  }\n}\n", "");
        Plan second = Reconciler.plan(Publisher.desired(load(write(dir, "k.conf", edited)).tree()), store);
        assertEquals(1, second.update().size(), second.toString());
        assertEquals("120", second.update().get(0).desired().properties().get("priority"));
        assertEquals(1, second.delete().size(), "VI_2 removed from the file");
        assertEquals(0, second.create().size());
        apply(second, store);
        assertEquals("120", props(store, "vrrp_instance:VI_1").get("priority"));
        assertTrue(store.stream().anyMatch(e -> e.pid().equals("org.halo.vrrp.instance~manual")), "foreign configuration kept");
        assertEquals("50", foreign.get("priority"));
    }

    @Test
    void frameworkPropertiesDoNotCountAsChanges() {
        Map<String, Object> want = Map.of("a", "1", "l", new String[] {"x", "y"});
        Map<String, Object> have = new HashMap<>(want);
        have.put("service.pid", "p");
        have.put("service.factoryPid", "f");
        have.put("l", new String[] {"x", "y"});
        assertTrue(Reconciler.same(want, have));
        have.put("l", new String[] {"x"});
        assertTrue(!Reconciler.same(want, have));
    }

    @Test
    void ownedConfigurationWithoutIdentityIsRemoved() {
        List<Reconciler.Existing> store = List.of(new Reconciler.Existing("p1", Pids.VRRP_INSTANCE,
            Map.of(Pids.SOURCE, Pids.SOURCE_VALUE)));
        Plan p = Reconciler.plan(List.of(), store);
        assertEquals(List.of("p1"), p.delete());
    }
}
