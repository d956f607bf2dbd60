package org.halo.config.grammar;

import static org.halo.config.TestFiles.load;
import static org.halo.config.TestFiles.notes;
import static org.halo.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.halo.config.LoadResult;
import org.halo.config.cm.internal.Desired;
import org.halo.config.cm.internal.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** virtual_routes / virtual_rules: published line by line; options the runtime does not install noted with file:line. */
class VirtualRoutesTest {
    @TempDir
    Path dir;

    @Test
    void publishedAndUnsupportedOptionsNoted() throws Exception {
        String conf = "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n"
            + "  virtual_routes {\n    src 10.0.0.1 to 10.9.0.0/16 via 10.0.0.254 dev eth0 table 100 metric 5\n"
            + "    blackhole 10.8.0.0/16\n    10.7.0.0/16 via 10.0.0.254 dev eth0 onlink\n  }\n"
            + "  virtual_rules {\n    from 10.0.0.1 table 100 priority 100\n    from 10.0.0.2 table 100 priority 101 goto 7\n  }\n}\n";
        LoadResult r = load(write(dir, "k.conf", conf));
        List<String> n = notes(r).stream().map(d -> d.line() + " " + d.message()).toList();
        assertEquals(List.of("10 virtual_routes option 'onlink' is parsed but not implemented by Halo yet - ignored",
            "14 virtual_rules option 'goto' is parsed but not implemented by Halo yet - ignored",
            "14 virtual_rules option '7' is parsed but not implemented by Halo yet - ignored"), n);
        Map<String, Object> p = Publisher.desired(r.tree()).stream().filter(d -> d.key().equals("vrrp_instance:VI_1")).findFirst()
            .map(Desired::properties).orElseThrow();
        assertArrayEquals(new String[] {"src 10.0.0.1 to 10.9.0.0/16 via 10.0.0.254 dev eth0 table 100 metric 5", "blackhole 10.8.0.0/16",
            "10.7.0.0/16 via 10.0.0.254 dev eth0 onlink"}, (String[]) p.get("virtual_routes"));
        assertArrayEquals(new String[] {"from 10.0.0.1 table 100 priority 100", "from 10.0.0.2 table 100 priority 101 goto 7"},
            (String[]) p.get("virtual_rules"));
    }
}
