package org.halo.vrrp.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.halo.linux.api.Address;
import org.halo.linux.api.AddressScope;
import org.junit.jupiter.api.Test;

class AddressMappingTest {
    @Test
    void hostPrefixAndInstanceDeviceByDefault() throws Exception {
        Address a = AddressMapping.toAddress(InetAddress.getByName("10.0.0.1"), -1, null, "", "eth0");
        assertEquals(32, a.prefixLength());
        assertEquals("eth0", a.device());
        assertEquals(AddressScope.GLOBAL, a.scope());
        assertFalse(a.noDad());
    }

    @Test
    void keepalivedOptions() throws Exception {
        Address a = AddressMapping.toAddress(InetAddress.getByName("10.0.0.1"), 24, null, "brd 10.0.0.255 dev eth1 scope link label eth1:vip",
                "eth0");
        assertEquals(24, a.prefixLength());
        assertEquals("eth1", a.device());
        assertEquals(InetAddress.getByName("10.0.0.255"), a.broadcast());
        assertEquals(AddressScope.LINK, a.scope());
        assertEquals("eth1:vip", a.label());
    }

    @Test
    void ipv6IsNodadWith128ByDefault() throws Exception {
        Address a = AddressMapping.toAddress(InetAddress.getByName("fd77::100"), -1, "eth0", null, "vrrp6.61");
        assertEquals(128, a.prefixLength());
        assertEquals("eth0", a.device(), "an explicit dev wins over the instance interface");
        assertTrue(a.noDad());
    }
}
