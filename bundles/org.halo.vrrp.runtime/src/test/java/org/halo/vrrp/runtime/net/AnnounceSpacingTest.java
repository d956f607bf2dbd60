package org.halo.vrrp.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.halo.linux.api.Announcer;
import org.halo.linux.api.MacAddress;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.VrrpSockets;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.VirtualAddress;
import org.junit.jupiter.api.Test;

/** GARP spacing (vrrp_garp_interval) and use_vmac_addr on the announce path, with the Linux layer faked. */
class AnnounceSpacingTest {
    record Sent(long nanos, String device, MacAddress mac, InetAddress vip) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<String> lookups = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final MacAddress ETH0 = MacAddress.parse("02:77:00:00:00:11");

    private LinuxVrrpNetwork network() {
        Netlink netlink = (Netlink) Proxy.newProxyInstance(Netlink.class.getClassLoader(), new Class<?>[] {Netlink.class}, (p, m, a) -> {
                    lookups.add(m.getName());
                    return m.getName().equals("ethernetAddress") ? Optional.of(ETH0) : null;
                });
        Announcer announcer = (Announcer) Proxy.newProxyInstance(Announcer.class.getClassLoader(), new Class<?>[] {Announcer.class}, (p, m, a) -> {
            if (m.getName().equals("gratuitousArp")) {
                synchronized (sent) {
                    sent.add(new Sent(System.nanoTime(), (String) a[0], (MacAddress) a[1], (InetAddress) a[2]));
                    sent.notifyAll();
                }
            }
            return null;
        });
        VrrpSockets sockets = (VrrpSockets) Proxy.newProxyInstance(VrrpSockets.class.getClassLoader(), new Class<?>[] {VrrpSockets.class},
                (p, m, a) -> Proxy.newProxyInstance(VrrpSockets.class.getClassLoader(), new Class<?>[] {m.getReturnType()}, (q, n, b) -> null));
        return new LinuxVrrpNetwork(sockets, netlink, announcer, x -> {
        });
    }

    private List<Sent> await(int n) throws InterruptedException {
        synchronized (sent) {
            long end = System.currentTimeMillis() + 5_000;
            while (sent.size() < n && System.currentTimeMillis() < end) {
                sent.wait(100);
            }
            return List.copyOf(sent);
        }
    }

    @Test
    void garpIntervalSpacesFramesOnADevice() throws Exception {
        try (LinuxVrrpNetwork net = network()) {
            InstanceConfig c = InstanceConfig.builder("VI_1", 51, "eth0", InetAddress.getByName("10.0.0.1")).build();
            net.open(c, new InstanceNet(null, 20_000, 0));
            VirtualAddress vip = new VirtualAddress(InetAddress.getByName("10.0.0.100"), 32, null, "");
            net.announce("VI_1", "eth0", List.of(vip), 3);
            List<Sent> s = await(3);
            assertEquals(3, s.size());
            for (int i = 1; i < s.size(); i++) {
                // a lower bound only: the sender waits at least the interval
                assertTrue(s.get(i).nanos() - s.get(i - 1).nanos() >= 20_000_000, "at least 20 ms apart: " + s);
            }
            assertTrue(s.stream().allMatch(x -> x.mac().equals(ETH0)), "own MAC without use_vmac_addr");
        }
    }

    @Test
    void useVmacAddrSendsTheVirtualMacForVipsOnOtherInterfaces() throws Exception {
        try (LinuxVrrpNetwork net = network()) {
            InstanceConfig c = InstanceConfig.builder("VI_1", 51, "vrrp.51", InetAddress.getByName("10.0.0.1")).build();
            net.open(c, new InstanceNet(new VmacSpec("VI_1", "vrrp.51", "eth0", 51, false, false, true), 0, 0));
            VirtualAddress other = new VirtualAddress(InetAddress.getByName("10.1.0.100"), 32, "eth1", "");
            net.announce("VI_1", "vrrp.51", List.of(other), 1);
            List<Sent> s = await(1);
            assertEquals("eth1", s.get(0).device());
            assertEquals(MacAddress.vrrp(51, false), s.get(0).mac());
        }
    }

    @Test
    void everyVipIsAnnouncedOnceBeforeAnyIsRepeatedAndTheMacComesWithoutALinkDump() throws Exception {
        try (LinuxVrrpNetwork net = network()) {
            InstanceConfig c = InstanceConfig.builder("VI_1", 51, "eth0", InetAddress.getByName("10.0.0.1")).build();
            net.open(c, new InstanceNet(null, 0, 0));
            VirtualAddress a = new VirtualAddress(InetAddress.getByName("10.0.0.100"), 32, null, "");
            VirtualAddress b = new VirtualAddress(InetAddress.getByName("10.0.0.101"), 32, null, "");
            net.announce("VI_1", "eth0", List.of(a, b), 2);
            List<Sent> s = await(4);
            // keepalived's vrrp_send_link_update: round by round over the VIP list
            assertEquals(List.of(a.address(), b.address(), a.address(), b.address()), s.stream().map(Sent::vip).toList());
            assertTrue(!lookups.contains("link") && lookups.contains("ethernetAddress"), "MAC by ioctl, no RTM_GETLINK: " + lookups);
        }
    }
}
