package org.halo.linux.internal;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.halo.linux.api.Address;
import org.halo.linux.api.AddressScope;
import org.halo.linux.api.Link;
import org.halo.linux.api.LinkEvent;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.MacAddress;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.Route;
import org.halo.linux.api.Rule;

/** {@link Netlink} over one NETLINK_ROUTE request socket. */
public final class NetlinkImpl implements Netlink, AutoCloseable {
    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_NEWRULE = 32;
    static final int RTM_DELRULE = 33;
    static final int RTMGRP_LINK = 1;
    static final int RTPROT_KEEPALIVED = 18;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int ENODEV = 19;
    static final int EADDRNOTAVAIL = 99;

    private final NetlinkSocket socket;
    private final SysctlImpl sysctl;
    private final NetnsGuard guard = new NetnsGuard();

    public NetlinkImpl(SysctlImpl sysctl) throws LinuxException {
        this.socket = new NetlinkSocket(0, 5000);
        this.sysctl = sysctl;
    }

    // ---- links

    @Override
    public Optional<Link> link(String name) throws LinuxException {
        NlRequest r = new NlRequest(RTM_GETLINK, NlRequest.NLM_F_ACK).u8(0).u8(0).u16(0).u32(0).u32(0).u32(0)
                .attrString(RtCodec.IFLA_IFNAME, name);
        return single(r, "get link " + name);
    }

    @Override
    public Optional<Link> link(int index) throws LinuxException {
        NlRequest r = new NlRequest(RTM_GETLINK, NlRequest.NLM_F_ACK).u8(0).u8(0).u16(0).u32(index).u32(0).u32(0);
        return single(r, "get link " + index);
    }

    private Optional<Link> single(NlRequest r, String what) throws LinuxException {
        try {
            return socket.transact(r, what).stream().filter(m -> m.type() == RTM_NEWLINK)
                    .map(m -> RtCodec.link(m.body())).findFirst();
        } catch (LinuxException e) {
            if (e.errno() == ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Link> links() throws LinuxException {
        NlRequest r = new NlRequest(RTM_GETLINK, NlRequest.NLM_F_DUMP).u8(0).u8(0).u16(0).u32(0).u32(0).u32(0);
        List<Link> out = new ArrayList<>();
        for (NlMessage m : socket.transact(r, "dump links")) {
            if (m.type() == RTM_NEWLINK) {
                out.add(RtCodec.link(m.body()));
            }
        }
        return out;
    }

    int ifindex(String name) throws LinuxException {
        int index = socket.interfaceIndex(name);
        if (index <= 0) {
            throw new LinuxException("no such interface: " + name, ENODEV);
        }
        return index;
    }

    @Override
    public Optional<MacAddress> ethernetAddress(String name) throws LinuxException {
        byte[] mac = socket.ethernetAddress(name);
        return mac == null ? Optional.empty() : Optional.of(new MacAddress(mac));
    }

    @Override
    public void setLinkUp(String name, boolean up) throws LinuxException {
        int index = ifindex(name);
        NlRequest r = new NlRequest(RTM_NEWLINK, NlRequest.NLM_F_ACK).u8(0).u8(0).u16(0).u32(index)
                .u32(up ? Link.IFF_UP : 0).u32(Link.IFF_UP);
        socket.transact(r, "set link " + name + (up ? " up" : " down"));
    }

    @Override
    public Link createMacvlan(String name, String parent, MacAddress mac) throws LinuxException {
        newMacvlan(name, parent, mac);
        try {
            setLinkUp(name, true);
        } catch (LinuxException e) {
            deleteLink(name); // leave nothing half-configured behind
            throw e;
        }
        return link(name).orElseThrow(() -> new LinuxException("macvlan " + name + " vanished", ENODEV));
    }

    @Override
    public Link createVmac(String name, String parent, int vrid, boolean ipv6, Inet6Address ipv6Source)
            throws LinuxException {
        return new VmacSetup(this, sysctl).create(name, parent, vrid, ipv6, ipv6Source);
    }

    void newMacvlan(String name, String parent, MacAddress mac) throws LinuxException {
        int parentIndex = ifindex(parent);
        NlRequest r = new NlRequest(RTM_NEWLINK, NlRequest.NLM_F_ACK | NlRequest.NLM_F_CREATE | NlRequest.NLM_F_EXCL)
                .u8(0).u8(0).u16(0).u32(0).u32(0).u32(0)
                .attrString(RtCodec.IFLA_IFNAME, name)
                .attrU32(RtCodec.IFLA_LINK, parentIndex)
                .attr(RtCodec.IFLA_ADDRESS, mac.bytes())
                .nest(RtCodec.IFLA_LINKINFO)
                .attrString(RtCodec.IFLA_INFO_KIND, "macvlan")
                .nest(RtCodec.IFLA_INFO_DATA)
                .attrU32(RtCodec.IFLA_MACVLAN_MODE, RtCodec.MACVLAN_MODE_PRIVATE)
                .end()
                .end();
        socket.transact(r, "create macvlan " + name + " on " + parent);
    }

    /** IFLA_AF_SPEC { AF_INET6 { IFLA_INET6_ADDR_GEN_MODE = mode } } on a link. */
    void setIpv6AddrGenMode(int index, int mode) throws LinuxException {
        NlRequest r = new NlRequest(RTM_NEWLINK, NlRequest.NLM_F_ACK).u8(0).u8(0).u16(0).u32(index).u32(0).u32(0)
                .nest(RtCodec.IFLA_AF_SPEC).nest(LibC.AF_INET6).attrU8(RtCodec.IFLA_INET6_ADDR_GEN_MODE, mode)
                .end().end();
        socket.transact(r, "set addr_gen_mode on link " + index);
    }

    @Override
    public boolean deleteLink(String name) throws LinuxException {
        Optional<Link> l = link(name);
        if (l.isEmpty()) {
            return false;
        }
        NlRequest r = new NlRequest(RTM_DELLINK, NlRequest.NLM_F_ACK).u8(0).u8(0).u16(0).u32(l.get().index())
                .u32(0).u32(0);
        try {
            socket.transact(r, "delete link " + name);
        } catch (LinuxException e) {
            if (e.errno() == ENODEV) {
                return false;
            }
            throw e;
        }
        try {
            sysctl.vmacRemoved(name);
        } catch (LinuxException e) {
            // the link is gone either way; the caller's namespace may not allow /proc/sys writes
            java.util.logging.Logger.getLogger(NetlinkImpl.class.getName()).warning("cannot restore sysctls after deleting " + name + ": "
                    + e.getMessage());
        }
        return true;
    }

    @Override
    public AutoCloseable monitorLinks(Consumer<LinkEvent> consumer) throws LinuxException {
        guard.check("monitor links");
        return LinkMonitor.start(consumer);
    }

    // ---- addresses

    @Override
    public void addAddress(Address a) throws LinuxException {
        socket.transact(addressRequest(RTM_NEWADDR, NlRequest.NLM_F_CREATE | NlRequest.NLM_F_EXCL, a),
                "add address " + a.address().getHostAddress() + "/" + a.prefixLength() + " dev " + a.device());
    }

    @Override
    public boolean removeAddress(Address a) throws LinuxException {
        try {
            socket.transact(addressRequest(RTM_DELADDR, 0, a),
                    "remove address " + a.address().getHostAddress() + " dev " + a.device());
            return true;
        } catch (LinuxException e) {
            if (e.errno() == EADDRNOTAVAIL) {
                return false;
            }
            throw e;
        }
    }

    private NlRequest addressRequest(int type, int flags, Address a) throws LinuxException {
        int index = ifindex(a.device());
        byte[] raw = a.address().getAddress();
        int ifaFlags = a.ipv6() && a.noDad() ? RtCodec.IFA_F_NODAD : 0;
        NlRequest r = new NlRequest(type, NlRequest.NLM_F_ACK | flags)
                .u8(a.ipv6() ? LibC.AF_INET6 : LibC.AF_INET).u8(a.prefixLength()).u8(ifaFlags)
                .u8(a.scope().value()).u32(index)
                .attr(RtCodec.IFA_LOCAL, raw)
                .attr(RtCodec.IFA_ADDRESS, raw);
        if (a.broadcast() != null && !a.ipv6()) {
            r.attr(RtCodec.IFA_BROADCAST, a.broadcast().getAddress());
        }
        if (a.label() != null && !a.ipv6()) {
            r.attrString(RtCodec.IFA_LABEL, a.label());
        }
        if (ifaFlags != 0) {
            r.attrU32(RtCodec.IFA_FLAGS, ifaFlags);
        }
        return r;
    }

    @Override
    public List<Address> addresses(String device) throws LinuxException {
        Map<Integer, String> names = new HashMap<>();
        for (Link l : links()) {
            names.put(l.index(), l.name());
        }
        int only = device == null ? 0 : ifindex(device);
        NlRequest r = new NlRequest(RTM_GETADDR, NlRequest.NLM_F_DUMP).u8(0).u8(0).u8(0).u8(0).u32(0);
        List<Address> out = new ArrayList<>();
        for (NlMessage m : socket.transact(r, "dump addresses")) {
            if (m.type() != RTM_NEWADDR) {
                continue;
            }
            int index = RtCodec.ifindexOfAddress(m.body());
            if (only != 0 && index != only) {
                continue;
            }
            out.add(RtCodec.address(m.body(), names.getOrDefault(index, "if" + index)));
        }
        return out;
    }

    @Override
    public List<Address> removeLeftovers(Collection<Address> vips) throws LinuxException {
        List<Address> present = addresses(null);
        List<Address> removed = new ArrayList<>();
        for (Address vip : vips) {
            for (Address p : present) {
                if (p.address().equals(vip.address()) && p.device().equals(vip.device())) {
                    if (removeAddress(p)) {
                        removed.add(p);
                    }
                }
            }
        }
        return removed;
    }

    // ---- routes

    @Override
    public void addRoute(Route route) throws LinuxException {
        socket.transact(routeRequest(RTM_NEWROUTE, NlRequest.NLM_F_CREATE | NlRequest.NLM_F_EXCL, route, false),
                "add route " + route);
    }

    @Override
    public boolean removeRoute(Route route) throws LinuxException {
        try {
            socket.transact(routeRequest(RTM_DELROUTE, 0, route, true), "remove route " + route);
            return true;
        } catch (LinuxException e) {
            if (e.errno() == ESRCH) {
                return false;
            }
            throw e;
        }
    }

    private NlRequest routeRequest(int type, int flags, Route route, boolean delete) throws LinuxException {
        boolean v6 = route.destination() != null ? route.destination() instanceof Inet6Address
                : route.gateway() != null ? route.gateway() instanceof Inet6Address : route.ipv6();
        int dstLen = route.destination() == null ? 0 : route.prefixLength();
        int scope;
        if (delete) {
            scope = AddressScope.NOWHERE.value(); // matches a route of any scope, as iproute2 deletes
        } else if (route.scope() != null) {
            scope = route.scope().value();
        } else {
            scope = route.gateway() == null && route.type() == Route.RTN_UNICAST ? AddressScope.LINK.value() : 0;
        }
        int table = route.table() == 0 ? Route.TABLE_MAIN : route.table();
        NlRequest r = new NlRequest(type, NlRequest.NLM_F_ACK | flags)
                .u8(v6 ? LibC.AF_INET6 : LibC.AF_INET).u8(dstLen).u8(0).u8(0)
                .u8(table < 256 ? table : 0).u8(delete ? 0 : RTPROT_KEEPALIVED).u8(scope).u8(route.type()).u32(0);
        if (dstLen > 0) {
            r.attr(1 /* RTA_DST */, route.destination().getAddress());
        }
        if (route.gateway() != null) {
            r.attr(5 /* RTA_GATEWAY */, route.gateway().getAddress());
        }
        if (route.device() != null) {
            r.attrU32(4 /* RTA_OIF */, ifindex(route.device()));
        }
        if (route.preferredSource() != null) {
            r.attr(7 /* RTA_PREFSRC */, route.preferredSource().getAddress());
        }
        if (route.metric() != 0) {
            r.attrU32(6 /* RTA_PRIORITY */, route.metric());
        }
        r.attrU32(15 /* RTA_TABLE */, table);
        return r;
    }

    // ---- rules

    @Override
    public void addRule(Rule rule) throws LinuxException {
        socket.transact(ruleRequest(RTM_NEWRULE, NlRequest.NLM_F_CREATE | NlRequest.NLM_F_EXCL, rule),
                "add rule " + rule);
    }

    @Override
    public boolean removeRule(Rule rule) throws LinuxException {
        try {
            socket.transact(ruleRequest(RTM_DELRULE, 0, rule), "remove rule " + rule);
            return true;
        } catch (LinuxException e) {
            if (e.errno() == ENOENT) {
                return false;
            }
            throw e;
        }
    }

    private static NlRequest ruleRequest(int type, int flags, Rule rule) {
        int table = rule.table() == 0 ? Route.TABLE_MAIN : rule.table();
        NlRequest r = new NlRequest(type, NlRequest.NLM_F_ACK | flags)
                .u8(rule.ipv6() ? LibC.AF_INET6 : LibC.AF_INET)
                .u8(rule.to() == null ? 0 : rule.toPrefix())
                .u8(rule.from() == null ? 0 : rule.fromPrefix())
                .u8(0).u8(table < 256 ? table : 0).u8(0).u8(0).u8(1 /* FR_ACT_TO_TBL */).u32(0);
        if (rule.to() != null) {
            r.attr(1 /* FRA_DST */, rule.to().getAddress());
        }
        if (rule.from() != null) {
            r.attr(2 /* FRA_SRC */, rule.from().getAddress());
        }
        if (rule.inputInterface() != null) {
            r.attrString(3 /* FRA_IIFNAME */, rule.inputInterface());
        }
        if (rule.outputInterface() != null) {
            r.attrString(17 /* FRA_OIFNAME */, rule.outputInterface());
        }
        if (rule.fwmark() != 0) {
            r.attrU32(10 /* FRA_FWMARK */, rule.fwmark());
            r.attrU32(16 /* FRA_FWMASK */, 0xffffffff);
        }
        if (rule.priority() != 0) {
            r.attrU32(6 /* FRA_PRIORITY */, rule.priority());
        }
        r.attrU32(15 /* FRA_TABLE */, table);
        return r;
    }

    @Override
    public void close() {
        socket.close();
    }
}
