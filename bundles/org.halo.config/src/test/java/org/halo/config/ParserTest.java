package org.halo.config;

import static org.halo.config.TestFiles.load;
import static org.halo.config.TestFiles.notes;
import static org.halo.config.TestFiles.problems;
import static org.halo.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.halo.config.grammar.Kind;
import org.halo.config.grammar.KeywordSpec;
import org.halo.config.grammar.Registry;
import org.halo.config.model.KeepalivedConfig;
import org.halo.config.model.VirtualServer;
import org.halo.config.model.VrrpInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParserTest {
    @TempDir
    Path dir;

    private static final String VI = "vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 51\n"
        + "  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0 label eth0:1\n  }\n";

    @Test
    void keepalivedWordingAndExitCodes() throws Exception {
        LoadResult r = load(write(dir, "k.conf", VI.replace("priority 100", "priority 300") + "  foo_bar 1\n}\n"));
        assertEquals(List.of("5 number '300' outside range [1, 255]",
            "5 (VI_1) Priority not valid! must be between 1 & 255. Using default 100", "9 Unknown keyword 'foo_bar'"), problems(r));
        assertEquals(5, r.diagnostics().exitCode());
    }

    @Test
    void cleanFileExitsZeroAndBuildsTheModel() throws Exception {
        LoadResult r = load(write(dir, "k.conf", VI + "  authentication { auth_type PASS auth_pass 1111 }\n"
            + "  unicast_peer {\n    10.0.0.2\n  }\n  advert_int 0.5\n  track_interface {\n    eth1 weight -10\n  }\n}\n"));
        assertEquals(List.of(), problems(r));
        assertEquals(0, r.diagnostics().exitCode());
        VrrpInstance v = r.model().vrrpInstances().get(0);
        assertEquals(51, v.virtualRouterId());
        assertEquals(100, v.priority());
        assertEquals(Duration.ofMillis(500), v.advertInterval());
        assertEquals(List.of("10.0.0.2"), v.unicastPeers());
        assertEquals("eth0:1", v.virtualIpaddress().get(0).label());
        assertEquals(24, v.virtualIpaddress().get(0).prefix());
        assertEquals(-10, v.trackInterface().get(0).weight());
        // keepalived: a line is split at braces, so "auth_type PASS auth_pass 1111" sets only auth_type
        assertEquals("PASS", v.authentication().type());
    }

    @Test
    void missingInterfaceIsBadIf() throws Exception {
        LoadResult r = load(write(dir, "k.conf", VI.replace("interface eth0", "interface wlan9") + "}\n"));
        assertTrue(problems(r).contains("3 WARNING - interface wlan9 for vrrp_instance VI_1 doesn't exist"), problems(r).toString());
        assertTrue(problems(r).contains("0 Non-existent interface specified in configuration"));
        assertEquals(5, r.diagnostics().exitCode(), "keepalived keeps the later (less severe) class: exit 5");
    }

    @Test
    void missingParameterAbortsWithFour() throws Exception {
        LoadResult r = load(write(dir, "k.conf", VI.replace("priority 100", "priority") + "}\n"));
        assertEquals(4, r.diagnostics().exitCode());
        assertTrue(problems(r).contains("5 *** Configuration line starting `priority` is missing a parameter at word position 2"));
    }

    @Test
    void unknownKeywordBlockIsNotSkippedLikeKeepalived() throws Exception {
        LoadResult r = load(write(dir, "k.conf", VI + "  foo {\n    bar 1\n  }\n}\n"));
        // foo's '}' closes vrrp_instance, the instance's own '}' is then an unknown keyword at the top level
        assertEquals(List.of("9 Unknown keyword 'foo'", "9 Unexpected '{' - ignoring", "10 Unknown keyword 'bar'",
            "12 Unknown keyword '}'"), problems(r));
    }

    @Test
    void missingCloseBrace() throws Exception {
        LoadResult r = load(write(dir, "k.conf", VI));
        assertTrue(problems(r).contains("0 There are 1 missing '}'s or extra '{'s"), problems(r).toString());
    }

    @Test
    void aliasesDeprecationsAndNotImplementedNotes() throws Exception {
        LoadResult r = load(write(dir, "k.conf", "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lb_kind DR\n  protocol TCP\n"
            + "  net_namespace_ignored 1\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      connect_timeout 3\n      nb_get_retry 2\n"
            + "    }\n    HTTP_GET {\n      nb_get_retry 3\n      url { path / }\n    }\n  }\n}\n"));
        assertTrue(problems(r).contains("12 nb_get_retry is deprecated - please use 'retry'"), problems(r).toString());
        assertTrue(problems(r).contains("9 Unknown keyword 'nb_get_retry'"), "TCP_CHECK has no nb_get_retry in 2.2.7");
        VirtualServer vs = r.model().virtualServers().get(0);
        assertEquals("rr", vs.lvsSched());
        assertEquals("DR", vs.lvsMethod());
        assertEquals("HTTP_GET", vs.realServers().get(0).checkers().get(1).type());
        assertEquals("/", vs.realServers().get(0).checkers().get(1).blocks().get(0).property("path"));
        KeywordSpec k = Registry.root().sub("virtual_server").find("lb_algo");
        assertEquals(Kind.VALUE, k.kind());
        LoadResult n = load(write(dir, "n.conf", "global_defs {\n  lvs_flush\n}\n"));
        assertEquals(1, notes(n).size());
        assertTrue(notes(n).get(0).message().contains("'lvs_flush' is parsed but not implemented"));
        assertEquals(0, n.diagnostics().exitCode(), "a note never changes the exit code");
    }

    @Test
    void pluginCheckerIsParsedGenerically() throws Exception {
        Path f = write(dir, "k.conf", "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    EXAMPLE_CHECK {\n"
            + "      anything goes here\n      nested { x 1 }\n    }\n  }\n}\n");
        LoadResult plain = load(f);
        assertTrue(problems(plain).contains("3 Unknown keyword 'EXAMPLE_CHECK'"), "unknown type without the plug-in, as keepalived");
        LoadResult r = ConfigLoader.load(f, "main", n -> true, java.util.Set.of("EXAMPLE_CHECK"));
        KeepalivedConfig m = r.model();
        var c = m.virtualServers().get(0).realServers().get(0).checkers().get(0);
        assertEquals("EXAMPLE_CHECK", c.type());
        assertEquals(List.of("goes", "here"), c.properties().get("anything"));
        assertEquals("1", c.blocks().get(0).property("x"));
    }
}
