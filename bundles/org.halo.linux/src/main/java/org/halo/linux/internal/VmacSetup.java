package org.halo.linux.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

import org.halo.linux.api.Address;
import org.halo.linux.api.AddressScope;
import org.halo.linux.api.Link;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.MacAddress;

/** keepalived's use_vmac: see {@link org.halo.linux.api.Netlink#createVmac}. */
final class VmacSetup {
    private static final int EEXIST = 17;
    private final NetlinkImpl netlink;
    private final SysctlImpl sysctl;

    VmacSetup(NetlinkImpl netlink, SysctlImpl sysctl) {
        this.netlink = netlink;
        this.sysctl = sysctl;
    }

    Link create(String name, String parent, int vrid, boolean ipv6, Inet6Address ipv6Source) throws LinuxException {
        MacAddress mac = MacAddress.vrrp(vrid, ipv6);
        Link base = netlink.link(parent)
                .orElseThrow(() -> new LinuxException("no such interface: " + parent, NetlinkImpl.ENODEV));
        Optional<Link> existing = netlink.link(name);
        boolean create = true;
        if (existing.isPresent()) {
            Link e = existing.get();
            if (!"macvlan".equals(e.kind())) {
                // never remove a physical (or any non-VMAC) interface that happens to have the name
                throw new LinuxException("interface " + name + " exists and is not a macvlan", EEXIST);
            }
            if (mac.equals(e.mac()) && e.parentIndex() == base.index()) {
                create = false; // left by a predecessor, exactly as wanted
            } else {
                netlink.deleteLink(name);
            }
        }
        if (create) {
            netlink.newMacvlan(name, parent, mac);
        }
        try {
            int index = netlink.ifindex(name);
            // RFC 5798 7.4: no link-local address from the virtual MAC, it is shared by all routers
            // (keepalived 2.2.7 turns address generation off on IPv4 VMACs as well)
            netlink.setIpv6AddrGenMode(index, RtCodec.IN6_ADDR_GEN_MODE_NONE);
            if (!ipv6) {
                sysctl.configureVmac(name, parent);
            } else {
                Address ll = new Address(linkLocalFor(ipv6Source, parent, base), 64, name, null,
                        AddressScope.LINK, null, true);
                if (netlink.addresses(name).stream().noneMatch(a -> a.address().equals(ll.address()))) {
                    netlink.addAddress(ll);
                }
            }
            netlink.setLinkUp(name, true);
        } catch (LinuxException e) {
            if (create) {
                netlink.deleteLink(name); // leave nothing half-configured behind
            }
            throw e;
        }
        return netlink.link(name).orElseThrow(() -> new LinuxException("VMAC " + name + " vanished", NetlinkImpl.ENODEV));
    }

    /** The configured source, else the parent's link-local address, else EUI-64 from the parent's MAC. */
    private InetAddress linkLocalFor(Inet6Address configured, String parent, Link base) throws LinuxException {
        if (configured != null) {
            return configured;
        }
        for (Address a : netlink.addresses(parent)) {
            if (a.address() instanceof Inet6Address && a.address().isLinkLocalAddress()) {
                return a.address();
            }
        }
        if (base.mac() == null) {
            throw new LinuxException(parent + " has neither a link-local address nor a MAC", NetlinkImpl.EADDRNOTAVAIL);
        }
        return eui64LinkLocal(base.mac());
    }

    static InetAddress eui64LinkLocal(MacAddress mac) {
        byte[] m = mac.bytes();
        byte[] a = new byte[16];
        a[0] = (byte) 0xfe;
        a[1] = (byte) 0x80;
        a[8] = (byte) (m[0] ^ 0x02);
        a[9] = m[1];
        a[10] = m[2];
        a[11] = (byte) 0xff;
        a[12] = (byte) 0xfe;
        a[13] = m[3];
        a[14] = m[4];
        a[15] = m[5];
        return SockAddr.address(a);
    }
}
