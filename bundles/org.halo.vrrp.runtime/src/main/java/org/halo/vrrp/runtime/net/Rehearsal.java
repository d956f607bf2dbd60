package org.halo.vrrp.runtime.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.halo.linux.api.Address;
import org.halo.linux.api.Announcer;
import org.halo.linux.api.Link;
import org.halo.linux.api.LinkEvent;
import org.halo.linux.api.MacAddress;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.ReceivedPacket;
import org.halo.linux.api.Route;
import org.halo.linux.api.Rule;
import org.halo.linux.api.VrrpSocket;
import org.halo.linux.api.VrrpSocketOptions;
import org.halo.linux.api.SocketPoller;
import org.halo.linux.api.VrrpSockets;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.OutboundAdvert;
import org.halo.vrrp.engine.TransitionRehearsal;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.engine.VrrpNetwork;

/**
 * {@link TransitionRehearsal} through this bundle's own Linux port: the engines' effects go through a
 * {@link LinuxVrrpNetwork} (socket pool, VIP owner, address mapping, GARP ordering) whose kernel services
 * do nothing, so a daemon's first real failover finds that code run before too. No socket is opened, no
 * address or frame reaches the kernel.
 */
public final class Rehearsal {
    private static final MacAddress NO_MAC = MacAddress.parse("02:00:00:00:00:00");

    private Rehearsal() {
    }

    /** @return the transitions to MASTER rehearsed */
    public static int run(int rounds) {
        try (LinuxVrrpNetwork port = new LinuxVrrpNetwork(new NoSockets(), new NoNetlink(), new NoAnnouncer(), p -> {
        })) {
            for (int i = 0; i < TransitionRehearsal.INSTANCES.size(); i++) {
                InstanceConfig c = InstanceConfig.builder(TransitionRehearsal.INSTANCES.get(i), 51, TransitionRehearsal.INTERFACES.get(i),
                        InetAddress.getLoopbackAddress()).build();
                port.open(c, InstanceNet.NONE);
            }
            return TransitionRehearsal.run(rounds, (name, inMemory) -> new Both(port, inMemory));
        } catch (org.halo.linux.api.LinuxException e) {
            throw new IllegalStateException("rehearsal port: " + e.getMessage(), e);
        }
    }

    /** Effects through the Linux port (into nothing), adverts also to the other rehearsal engine. */
    private record Both(LinuxVrrpNetwork port, VrrpNetwork inMemory) implements VrrpNetwork {
        @Override
        public void sendAdvert(OutboundAdvert advert) {
            port.sendAdvert(advert);
            inMemory.sendAdvert(advert);
        }

        @Override
        public void addAddresses(String instance, String interfaceName, List<VirtualAddress> addresses, boolean accept) {
            port.addAddresses(instance, interfaceName, addresses, accept);
        }

        @Override
        public void removeAddresses(String instance, String interfaceName, List<VirtualAddress> addresses) {
            port.removeAddresses(instance, interfaceName, addresses);
        }

        @Override
        public void announce(String instance, String interfaceName, List<VirtualAddress> addresses, int rounds) {
            port.announce(instance, interfaceName, addresses, rounds);
        }
    }

    private static final class NoSockets implements VrrpSockets {
        @Override
        public VrrpSocket open(VrrpSocketOptions options, Consumer<ReceivedPacket> receiver, SocketPoller poller) {
            return open(options, receiver);
        }

        @Override
        public SocketPoller newPoller() {
            throw new UnsupportedOperationException("the rehearsal polls nothing");
        }

        @Override
        public VrrpSocket open(VrrpSocketOptions options, Consumer<ReceivedPacket> receiver) {
            return new VrrpSocket() {
                @Override
                public int ifindex() {
                    return 0;
                }

                @Override
                public InetAddress sourceAddress() {
                    return options.sourceAddress();
                }

                @Override
                public int send(byte[] vrrpPayload) {
                    return 1;
                }

                @Override
                public boolean sendTo(byte[] vrrpPayload, InetAddress destination) {
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static final class NoAnnouncer implements Announcer {
        @Override
        public void prepare(String device) {
        }

        @Override
        public void gratuitousArp(String device, MacAddress sourceMac, java.net.Inet4Address vip) {
        }

        @Override
        public void unsolicitedNa(String device, MacAddress sourceMac, java.net.Inet6Address vip, boolean router) {
        }
    }

    /** Answers as if every request succeeded and nothing was there. */
    private static final class NoNetlink implements Netlink {
        @Override
        public Optional<Link> link(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<Link> link(int index) {
            return Optional.empty();
        }

        @Override
        public List<Link> links() {
            return List.of();
        }

        @Override
        public Optional<MacAddress> ethernetAddress(String name) {
            return Optional.of(NO_MAC);
        }

        @Override
        public void setLinkUp(String name, boolean up) {
        }

        @Override
        public void addAddress(Address address) {
        }

        @Override
        public boolean removeAddress(Address address) {
            return true;
        }

        @Override
        public List<Address> addresses(String device) {
            return List.of();
        }

        @Override
        public List<Address> removeLeftovers(java.util.Collection<Address> addresses) {
            return List.of();
        }

        @Override
        public void addRoute(Route route) {
        }

        @Override
        public boolean removeRoute(Route route) {
            return true;
        }

        @Override
        public void addRule(Rule rule) {
        }

        @Override
        public boolean removeRule(Rule rule) {
            return true;
        }

        @Override
        public Link createMacvlan(String name, String parent, MacAddress mac) {
            throw new UnsupportedOperationException("no VMAC in a rehearsal");
        }

        @Override
        public Link createVmac(String name, String parent, int vrid, boolean ipv6, java.net.Inet6Address linkLocal) {
            throw new UnsupportedOperationException("no VMAC in a rehearsal");
        }

        @Override
        public boolean deleteLink(String name) {
            return true;
        }

        @Override
        public AutoCloseable monitorLinks(Consumer<LinkEvent> listener) {
            return () -> {
            };
        }
    }
}
