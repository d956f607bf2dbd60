package org.halo.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.halo.linux.api.Address;
import org.halo.linux.api.AddressScope;
import org.halo.linux.api.Link;
import org.halo.linux.api.LinkEvent;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.MacAddress;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.Route;
import org.halo.linux.api.Rule;
import org.halo.linux.api.Vmac;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rtnetlink operations in a namespace, each checked with iproute2 as an independent observer. */
class NetlinkNetnsTest {
    static Netns a;
    static Netns b;
    static Linux linux;
    static Netlink nl;

    @BeforeAll
    static void setUp() throws Exception {
        Netns.requireRoot();
        a = Netns.create("a");
        b = Netns.create("b");
        Netns.veth(a, "hna", b, "hnb");
        a.ip("addr", "add", "10.62.0.1/24", "dev", "hna");
        a.ip("link", "set", "hna", "up");
        b.ip("link", "set", "hnb", "up");
        linux = a.call(Linux::open);
        nl = linux.netlink();
    }

    @AfterAll
    static void tearDown() {
        if (linux != null) {
            linux.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /** The JSON object of {@code ip -j addr} describing one address, or null. */
    static String addrInfo(String json, String local) {
        var m = Pattern.compile("\\{[^{}]*\"local\":\"" + Pattern.quote(local) + "\"[^{}]*\\}").matcher(json);
        return m.find() ? m.group() : null;
    }

    @Test
    void addressesWithKeepalivedOptions() throws Exception {
        Address vip = new Address(InetAddress.getByName("10.62.0.100"), 24, "hna",
                InetAddress.getByName("10.62.0.255"), AddressScope.GLOBAL, "hna:vip", false);
        Address vip6 = Address.vip(InetAddress.getByName("fd00:62::100"), "hna");
        Address host = new Address(InetAddress.getByName("10.62.9.9"), 32, "hna", null, AddressScope.HOST, null, false);
        nl.addAddress(vip);
        nl.addAddress(vip6);
        nl.addAddress(host);

        String json = a.ip("-j", "addr", "show", "dev", "hna");
        String v4 = addrInfo(json, "10.62.0.100");
        assertNotNull(v4, json);
        assertTrue(v4.contains("\"prefixlen\":24") && v4.contains("\"broadcast\":\"10.62.0.255\"")
                && v4.contains("\"label\":\"hna:vip\"") && v4.contains("\"scope\":\"global\""), v4);
        String v6 = addrInfo(json, "fd00:62::100");
        assertNotNull(v6, json);
        assertTrue(v6.contains("\"prefixlen\":128") && v6.contains("\"nodad\":true"), v6);
        assertTrue(addrInfo(json, "10.62.9.9").contains("\"scope\":\"host\""));

        List<Address> listed = nl.addresses("hna");
        Address back = listed.stream().filter(x -> x.address().equals(vip.address())).findFirst().orElseThrow();
        assertEquals(vip, back);
        assertTrue(listed.stream().anyMatch(x -> x.address().equals(vip6.address()) && x.noDad()));

        LinuxException dup = assertThrows(LinuxException.class, () -> nl.addAddress(vip));
        assertEquals(17, dup.errno()); // EEXIST

        assertTrue(nl.removeAddress(vip));
        assertFalse(nl.removeAddress(vip));
        assertTrue(nl.removeAddress(vip6));
        assertTrue(nl.removeAddress(host));
        json = a.ip("-j", "addr", "show", "dev", "hna");
        assertEquals(null, addrInfo(json, "10.62.0.100"), json);
        assertEquals(null, addrInfo(json, "fd00:62::100"), json);
    }

    @Test
    void leftoversOfAKilledPredecessorAreRemoved() throws Exception {
        // a predecessor left two of three VIPs behind (added by iproute2, not by us)
        a.ip("addr", "add", "10.62.1.1/32", "dev", "hna");
        a.ip("addr", "add", "fd00:62::1:1/128", "dev", "hna", "nodad");
        List<Address> vips = List.of(Address.vip(InetAddress.getByName("10.62.1.1"), "hna"),
                Address.vip(InetAddress.getByName("10.62.1.2"), "hna"),
                Address.vip(InetAddress.getByName("fd00:62::1:1"), "hna"));
        List<Address> removed = nl.removeLeftovers(vips);
        assertEquals(2, removed.size(), removed.toString());
        String json = a.ip("-j", "addr", "show", "dev", "hna");
        assertEquals(null, addrInfo(json, "10.62.1.1"));
        assertEquals(null, addrInfo(json, "fd00:62::1:1"));
        assertNotNull(addrInfo(json, "10.62.0.1"), "the interface's own address must stay");
        assertEquals(0, nl.removeLeftovers(vips).size());
    }

    @Test
    void routesAndRules() throws Exception {
        Route r = new Route(InetAddress.getByName("192.0.2.0"), 24, InetAddress.getByName("10.62.0.254"), "hna",
                null, 100, 7, null, Route.RTN_UNICAST, false);
        Route bh = new Route(InetAddress.getByName("198.51.100.0"), 24, null, null, null, 100, 0, AddressScope.GLOBAL,
                Route.RTN_BLACKHOLE, false);
        nl.addRoute(r);
        nl.addRoute(bh);
        String routes = a.ip("-j", "route", "show", "table", "100");
        assertTrue(routes.contains("\"dst\":\"192.0.2.0/24\",\"gateway\":\"10.62.0.254\",\"dev\":\"hna\""), routes);
        assertTrue(routes.contains("\"metric\":7"), routes);
        assertTrue(routes.contains("\"type\":\"blackhole\",\"dst\":\"198.51.100.0/24\""), routes);

        Rule rule = new Rule(false, InetAddress.getByName("10.62.0.100"), 32, null, 0, null, null, 0, 500, 100);
        Rule mark = new Rule(false, null, 0, null, 0, "hna", null, 0x42, 501, 100);
        nl.addRule(rule);
        nl.addRule(mark);
        String rules = a.ip("-j", "rule", "show");
        assertTrue(rules.contains("{\"priority\":500,\"src\":\"10.62.0.100\",\"table\":\"100\"}"), rules);
        assertTrue(rules.contains("\"priority\":501") && rules.contains("\"iif\":\"hna\"")
                && rules.contains("\"fwmark\":\"0x42\""), rules);

        assertTrue(nl.removeRule(rule));
        assertTrue(nl.removeRule(mark));
        assertFalse(nl.removeRule(rule));
        assertTrue(nl.removeRoute(r));
        assertTrue(nl.removeRoute(bh));
        assertFalse(nl.removeRoute(r));
        assertEquals("[]", a.ip("-j", "route", "show", "table", "100").trim());
        assertFalse(a.ip("-j", "rule", "show").contains("\"priority\":500"));
    }

    @Test
    void ipv6RoutesAndRules() throws Exception {
        Address own = new Address(InetAddress.getByName("fd00:62:1::1"), 64, "hna", null, AddressScope.GLOBAL, null, true);
        nl.addAddress(own);
        try {
            Route r = new Route(InetAddress.getByName("fd00:99::"), 64, InetAddress.getByName("fd00:62:1::fe"), "hna",
                    null, 101, 0, null, Route.RTN_UNICAST, true);
            nl.addRoute(r);
            String routes = a.ip("-6", "-j", "route", "show", "table", "101");
            assertTrue(routes.contains("\"dst\":\"fd00:99::/64\",\"gateway\":\"fd00:62:1::fe\",\"dev\":\"hna\""), routes);
            Rule rule = new Rule(true, InetAddress.getByName("fd00:62:1::100"), 128, null, 0, null, null, 0, 502, 101);
            nl.addRule(rule);
            String rules = a.ip("-6", "-j", "rule", "show");
            assertTrue(rules.contains("{\"priority\":502,\"src\":\"fd00:62:1::100\",\"table\":\"101\"}"), rules);
            assertTrue(nl.removeRule(rule));
            assertTrue(nl.removeRoute(r));
            assertEquals("[]", a.ip("-6", "-j", "route", "show", "table", "101").trim());
        } finally {
            nl.removeAddress(own);
        }
    }

    @Test
    void linkLookupAndMonitor() throws Exception {
        Link l = nl.link("hna").orElseThrow();
        assertEquals(l, nl.link(l.index()).orElseThrow());
        assertEquals("veth", l.kind());
        assertTrue(l.up(), l.toString());
        assertTrue(nl.link("nosuchif0").isEmpty());
        assertTrue(nl.links().stream().anyMatch(x -> x.name().equals("lo")));

        BlockingQueue<LinkEvent> events = new LinkedBlockingQueue<>();
        try (AutoCloseable m = a.call(() -> nl.monitorLinks(events::add))) {
            // the peer going down takes our carrier away: oper state LOWERLAYERDOWN, keepalived's FAULT
            long t0 = System.nanoTime();
            b.ip("link", "set", "hnb", "down");
            LinkEvent down = awaitLink(events, "hna", false);
            long downMicros = (System.nanoTime() - t0) / 1000;
            b.ip("link", "set", "hnb", "up");
            LinkEvent up = awaitLink(events, "hna", true);
            assertTrue(up.link().up());
            assertFalse(down.link().up());
            // administratively down on our side as well
            a.ip("link", "set", "hna", "down");
            assertFalse(awaitLink(events, "hna", false).link().adminUp());
            a.ip("link", "set", "hna", "up");
            awaitLink(events, "hna", true);
            System.out.printf("link monitor: carrier loss seen %d us after `ip link set down` returned%n",
                    downMicros);
        }
    }

    static LinkEvent awaitLink(BlockingQueue<LinkEvent> events, String name, boolean up) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            LinkEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.link().name().equals(name) && e.link().up() == up) {
                return e;
            }
        }
        throw new AssertionError("no link event " + name + " up=" + up);
    }

    @Test
    void plainMacvlan() throws Exception {
        MacAddress mac = MacAddress.parse("02:00:00:00:77:01");
        Link l = nl.createMacvlan("hmv0", "hna", mac);
        try {
            assertEquals(mac, l.mac());
            assertEquals("macvlan", l.kind());
            assertTrue(l.adminUp());
        } finally {
            assertTrue(nl.deleteLink("hmv0"));
        }
        assertTrue(nl.link("hmv0").isEmpty());
        assertFalse(nl.deleteLink("hmv0"));
    }

    @Test
    void ipv4VmacAsKeepalivedMakesIt() throws Exception {
        // values an operator had before: restored when the last VMAC goes, as keepalived does
        a.exec("sysctl", "-q", "-w", "net.ipv4.conf.hna.arp_ignore=2", "net.ipv4.conf.hna.arp_filter=0", "net.ipv4.conf.all.rp_filter=2",
                "net.ipv4.conf.default.rp_filter=1");
        Link vmac = a.call(() -> nl.createVmac("vrrp.51", "hna", 51, false, null));
        try {
            assertEquals(MacAddress.vrrp(51, false), vmac.mac());
            assertEquals("macvlan", vmac.kind());
            assertEquals(nl.link("hna").orElseThrow().index(), vmac.parentIndex());
            String json = a.ip("-d", "-j", "link", "show", "dev", "vrrp.51");
            assertTrue(json.contains("\"address\":\"00:00:5e:00:01:33\""), json);
            assertTrue(json.contains("\"mode\":\"private\""), json);
            assertTrue(json.contains("\"UP\""), json);
            assertTrue(json.contains("\"inet6_addr_gen_mode\":\"none\""), json);
            assertEquals("1", a.exec("sysctl", "-n", "net.ipv4.conf.vrrp/51.arp_ignore").trim());
            assertEquals("1", a.exec("sysctl", "-n", "net.ipv4.conf.vrrp/51.accept_local").trim());
            assertEquals("0", a.exec("sysctl", "-n", "net.ipv4.conf.vrrp/51.rp_filter").trim());
            assertEquals("1", a.exec("sysctl", "-n", "net.ipv4.conf.vrrp/51.promote_secondaries").trim());
            assertEquals("1", a.exec("sysctl", "-n", "net.ipv6.conf.vrrp/51.disable_ipv6").trim());
            assertEquals("1", a.exec("sysctl", "-n", "net.ipv4.conf.hna.arp_ignore").trim());
            assertEquals("1", a.exec("sysctl", "-n", "net.ipv4.conf.hna.arp_filter").trim());
            assertEquals("0", a.exec("sysctl", "-n", "net.ipv4.conf.all.rp_filter").trim());

            // a second start finds it in place and reuses it (same ifindex)
            Link again = a.call(() -> nl.createVmac("vrrp.51", "hna", 51, false, null));
            assertEquals(vmac.index(), again.index());
            // a leftover with the wrong MAC is replaced
            Link other = a.call(() -> nl.createVmac("vrrp.51", "hna", 52, false, null));
            assertEquals(MacAddress.vrrp(52, false), other.mac());
            assertEquals("2", a.exec("sysctl", "-n", "net.ipv4.conf.default.rp_filter").trim(), "default raised to all's old value");
            // a second VMAC on the same parent: deleting one of the two restores nothing yet
            a.call(() -> nl.createVmac("vrrp.53", "hna", 53, false, null));
            a.call(() -> nl.deleteLink("vrrp.53"));
            assertEquals("1", a.exec("sysctl", "-n", "net.ipv4.conf.hna.arp_ignore").trim());
            assertEquals("0", a.exec("sysctl", "-n", "net.ipv4.conf.all.rp_filter").trim());
        } finally {
            a.call(() -> nl.deleteLink("vrrp.51"));
        }
        assertTrue(nl.link("vrrp.51").isEmpty());
        assertEquals("2", a.exec("sysctl", "-n", "net.ipv4.conf.hna.arp_ignore").trim(), "parent's arp_ignore restored");
        assertEquals("0", a.exec("sysctl", "-n", "net.ipv4.conf.hna.arp_filter").trim(), "parent's arp_filter restored");
        assertEquals("2", a.exec("sysctl", "-n", "net.ipv4.conf.all.rp_filter").trim(), "all.rp_filter restored");
        assertEquals("1", a.exec("sysctl", "-n", "net.ipv4.conf.default.rp_filter").trim(), "default.rp_filter restored");
        // a non-macvlan interface of that name is never taken over or deleted
        LinuxException e = assertThrows(LinuxException.class, () -> a.call(() -> nl.createVmac("hna", "lo", 9, false, null)));
        assertEquals(17, e.errno());
        assertTrue(nl.link("hna").isPresent());
    }

    @Test
    void ipv6VmacHasParentsLinkLocalOnly() throws Exception {
        var m = Pattern.compile("\"local\":\"(fe80:[^\"]*)\"").matcher(a.ip("-j", "addr", "show", "dev", "hna"));
        assertTrue(m.find(), "hna has no link-local address");
        String parentLl = m.group(1);
        Link vmac6 = a.call(() -> nl.createVmac(Vmac.defaultName(52), "hna", 52, true, null));
        try {
            assertEquals("00:00:5e:00:02:34", vmac6.mac().toString());
            String json = a.ip("-j", "addr", "show", "dev", "vrrp.52");
            assertNotNull(addrInfo(json, parentLl), json);
            // no sysctls on an IPv6 VMAC (as keepalived 2.2.7), and RFC 5798 7.4: no EUI-64 link-local from the VMAC
            assertEquals("0", a.exec("sysctl", "-n", "net.ipv4.conf.vrrp/52.arp_ignore").trim());
            assertEquals(null, addrInfo(json, "fe80::200:5eff:fe00:234"), json);
            assertTrue(a.ip("-d", "-j", "link", "show", "dev", "vrrp.52").contains("\"inet6_addr_gen_mode\":\"none\""));
        } finally {
            assertTrue(nl.deleteLink("vrrp.52"));
        }
    }

    @Test
    void sysctlRefusesAnotherNamespace() {
        // the test thread is in the host namespace: writing from it must be refused, not go to the host
        LinuxException e = assertThrows(LinuxException.class,
                () -> linux.sysctl().set("net.ipv4.conf.hna.arp_ignore", "1"));
        assertTrue(e.getMessage().contains("namespace"), e.getMessage());
    }
}
