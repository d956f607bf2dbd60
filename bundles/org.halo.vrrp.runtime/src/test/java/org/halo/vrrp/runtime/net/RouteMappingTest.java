package org.halo.vrrp.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.halo.linux.api.AddressScope;
import org.halo.linux.api.Route;
import org.halo.linux.api.Rule;
import org.junit.jupiter.api.Test;

/** keepalived virtual_routes / virtual_rules lines (the forms of keepalived.conf.SYNOPSIS and its samples). */
class RouteMappingTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void routes() throws Exception {
        Route r = RouteMapping.route("src 192.168.100.1 to 192.168.109.0/24 via 192.168.200.254 dev eth1 table 100 metric 5 scope global").value();
        assertEquals(new Route(ip("192.168.109.0"), 24, ip("192.168.200.254"), "eth1", ip("192.168.100.1"), 100, 5, AddressScope.GLOBAL,
                Route.RTN_UNICAST, false), r);
        Route plain = RouteMapping.route("192.168.112.0/24 via 192.168.100.254").value();
        assertEquals(Route.to(ip("192.168.112.0"), 24, ip("192.168.100.254"), null), plain);
        Route host = RouteMapping.route("10.1.2.3 dev eth0 scope link").value();
        assertEquals(32, host.prefixLength());
        assertEquals(AddressScope.LINK, host.scope());
        Route bh = RouteMapping.route("blackhole 192.168.114.0/24 table main").value();
        assertEquals(Route.RTN_BLACKHOLE, bh.type());
        assertEquals(Route.TABLE_MAIN, bh.table());
        Route unr = RouteMapping.route("unreachable 10.9.0.0/16 table local").value();
        assertEquals(Route.RTN_UNREACHABLE, unr.type());
        assertEquals(255, unr.table());
        Route dflt = RouteMapping.route("default via 10.0.0.1 gw 10.0.0.2").value();
        assertNull(dflt.destination());
        assertEquals(ip("10.0.0.2"), dflt.gateway(), "gw is keepalived's deprecated via: the last one wins");
        Route v6 = RouteMapping.route("fd00:1::/64 via fd00::1 dev eth0").value();
        assertTrue(v6.ipv6());
        assertEquals(64, v6.prefixLength());
    }

    @Test
    void unsupportedWordsAreReportedNotFatal() {
        RouteMapping.Parsed<Route> p = RouteMapping.route("10.5.0.0/16 via 10.0.0.1 or 10.0.0.2 mtu 1400 onlink");
        assertEquals(List.of("or", "10.0.0.2", "mtu", "1400", "onlink"), p.unsupported());
        assertEquals(16, p.value().prefixLength());
        assertNull(RouteMapping.route("via 10.0.0.1").value(), "no destination");
        assertNull(RouteMapping.route("10.5.0.0/16 via gateway.example").value(), "no DNS");
        assertNull(RouteMapping.route("10.5.0.0/16 table mytable").value(), "named tables are not read");
    }

    @Test
    void rules() throws Exception {
        Rule r = RouteMapping.rule("from 192.168.2.0/24 to 10.0.0.0/8 table 100 priority 200 iif eth0 oif eth1 fwmark 0x10", false).value();
        assertEquals(new Rule(false, ip("192.168.2.0"), 24, ip("10.0.0.0"), 8, "eth0", "eth1", 16, 200, 100), r);
        Rule all = RouteMapping.rule("from all lookup main pref 32000", true).value();
        assertEquals(new Rule(true, null, 0, null, 0, null, null, 0, 32000, Route.TABLE_MAIN), all);
        Rule host = RouteMapping.rule("from 10.0.0.5 table 5", false).value();
        assertEquals(32, host.fromPrefix());
        assertEquals(0, host.priority(), "no preference: the kernel chooses (keepalived numbers them from 16384 down)");
        RouteMapping.Parsed<Rule> p = RouteMapping.rule("from 10.0.0.5 table 5 prio 10 not goto 7", false);
        assertEquals(List.of("not", "goto", "7"), p.unsupported());
        assertNull(RouteMapping.rule("from 10.0.0.500 table 5", false).value());
    }
}
