package org.halo.vrrp.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.halo.linux.api.Address;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.Route;
import org.junit.jupiter.api.Test;

class VipOwnerTest {
    final List<String> calls = new ArrayList<>();

    /** Records calls; addAddress of 10.77.0.101 fails with EEXIST, of 10.77.0.102 with EPERM. */
    Netlink netlink() {
        return (Netlink) Proxy.newProxyInstance(Netlink.class.getClassLoader(), new Class<?>[] {Netlink.class}, (p, m, args) -> {
            calls.add(m.getName() + " " + (args == null ? "" : args[0] instanceof Address a ? a.address().getHostAddress() : String.valueOf(args[0])));
            if (m.getName().equals("addAddress")) {
                String ip = ((Address) args[0]).address().getHostAddress();
                if (ip.equals("10.77.0.101")) {
                    throw new LinuxException("exists", 17);
                }
                if (ip.equals("10.77.0.102")) {
                    throw new LinuxException("not permitted", 1);
                }
            }
            return m.getReturnType() == boolean.class ? Boolean.TRUE : m.getReturnType() == List.class ? List.of() : null;
        });
    }

    @Test
    void setToleratesExistingAddressesAndReportsRealFailures() throws Exception {
        Address a = Address.vip(InetAddress.getByName("10.77.0.100"), "eth0");
        Address b = Address.vip(InetAddress.getByName("10.77.0.101"), "eth0");
        Address c = Address.vip(InetAddress.getByName("10.77.0.102"), "eth0");
        Route r = Route.to(InetAddress.getByName("10.99.0.0"), 16, InetAddress.getByName("10.77.0.1"), "eth0");
        VipOwner owner = new VipOwner(netlink(), new VipSpec("VI_1", List.of(a, b, c), List.of(r), List.of()));
        assertEquals(List.of(c), owner.set(), "EEXIST counts as set, EPERM is a failure");
        assertTrue(owner.isSet());
        assertEquals(List.of("addAddress 10.77.0.100", "addAddress 10.77.0.101", "addAddress 10.77.0.102", "addRoute " + r), calls);
        calls.clear();
        owner.remove();
        assertFalse(owner.isSet());
        assertEquals(List.of("removeRoute " + r, "removeAddress 10.77.0.100", "removeAddress 10.77.0.101", "removeAddress 10.77.0.102"), calls,
                "routes go before the addresses they may depend on");
    }

    @Test
    void describeIsKeepalivedsVipText() throws Exception {
        Address a = new Address(InetAddress.getByName("10.77.0.100"), 24, "eth0", null, null, null, false);
        assertEquals("10.77.0.100/24 dev eth0 scope global", VipSpec.describe(a));
    }
}
