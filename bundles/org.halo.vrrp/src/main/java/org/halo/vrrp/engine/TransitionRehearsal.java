package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Rehearses the state changes a failover takes, on private engines, so that the daemon's first real one
 * does not run cold. A backup that has never been master would otherwise meet the takeover path (claim
 * advert, VIPs, GARP, priority-0 release) for the first time when it matters: first-execution linking,
 * string-concatenation bootstraps and interpreted code put 10-20 ms between its timer and its VIP, against
 * well under a millisecond once the path has run. (keepalived is C: it has no such cost.)
 *
 * <p>Two instances per family and version (v2 and v3, IPv4 and IPv6) run on a {@link ManualEventLoop}
 * shared by two engines that hear each other through an in-memory network: election, priority-0 handover,
 * preemption back and the master's answer to a lower priority, many times. Nothing leaves it: no socket, no
 * address, no log line and no event; the network port is whatever the caller wraps around the in-memory
 * one (the runtime passes its Linux port over fake kernel services, so that code is rehearsed too).
 */
public final class TransitionRehearsal {
    private static final LogSink SILENT = (level, message) -> {
    };

    private TransitionRehearsal() {
    }

    /**
     * Runs {@code rounds} rehearsals.
     *
     * @param wrap given an instance name and the in-memory network of its engine, returns the network the
     *        engine uses ({@code (name, n) -> n}: the engine's own code only)
     * @return the number of transitions to MASTER rehearsed
     */
    public static int run(int rounds, BiFunction<String, VrrpNetwork, VrrpNetwork> wrap) {
        int masters = 0;
        for (int r = 0; r < rounds; r++) {
            masters += once(r % 4 < 2 ? 3 : 2, r % 2 == 1, wrap);
        }
        return masters;
    }

    /** The instance names the rehearsal uses (a wrapping network may need to know them in advance). */
    public static final List<String> INSTANCES = List.of("rehearsal-1", "rehearsal-2");

    /** The interface names of {@link #INSTANCES}, in the same order. */
    public static final List<String> INTERFACES = List.of("rehearsal1", "rehearsal2");

    private static int once(int version, boolean ipv6, BiFunction<String, VrrpNetwork, VrrpNetwork> wrap) {
        ManualEventLoop loop = new ManualEventLoop();
        Pair pair = new Pair();
        VrrpEngine high = new VrrpEngine(loop, wrap.apply(INSTANCES.get(0), pair.towards(1)), pair.counter(), SILENT);
        VrrpEngine low = new VrrpEngine(loop, wrap.apply(INSTANCES.get(1), pair.towards(0)), pair.counter(), SILENT);
        pair.engines[0] = high;
        pair.engines[1] = low;
        long advert = version == 3 ? 10 : 1000;
        InstanceConfig h = config(version, ipv6, 150, 1, advert);
        InstanceConfig l = config(version, ipv6, 100, 2, advert);
        low.configure(List.of(l), List.of());
        loop.advanceMillis(5 * advert); // the low one alone: master
        high.configure(List.of(h), List.of());
        loop.advanceMillis(5 * advert); // preemption: the low one answers, then leaves MASTER
        high.shutdown(); // priority 0: the low one takes over after the skew time
        loop.advanceMillis(5 * advert);
        low.receive(pair.lowerPriorityAdvert(version, ipv6, advert)); // the master answers a lower priority
        loop.advanceMillis(2 * advert);
        low.shutdown();
        loop.runPending();
        return pair.masters;
    }

    private static InstanceConfig config(int version, boolean ipv6, int priority, int host, long advertMillis) {
        InstanceConfig.Builder b = InstanceConfig.builder(INSTANCES.get(host - 1), 51, INTERFACES.get(host - 1), source(ipv6, host))
                .version(version).ipv6(ipv6).priority(priority).advertIntervalMillis(advertMillis)
                .virtualAddress(VirtualAddress.of(address(ipv6 ? "fd00:5e::100" : "192.0.2.100"), ipv6 ? 64 : 24));
        return b.build();
    }

    static InetAddress source(boolean ipv6, int host) {
        return address(ipv6 ? "fe80::5e:" + host : "192.0.2." + host);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** Two engines on one loop, each advert delivered to the other as the kernel would hand it over. */
    private static final class Pair {
        final VrrpEngine[] engines = new VrrpEngine[2];
        int masters;

        VrrpNetwork towards(int to) {
            return new VrrpNetwork() {
                @Override
                public void sendAdvert(OutboundAdvert a) {
                    VrrpEngine peer = engines[to];
                    if (peer != null) {
                        peer.receive(new InboundPacket(INTERFACES.get(to), a.source(), a.destination(), 255, a.vrrpMessage(), null));
                    }
                }

                @Override
                public void addAddresses(String instance, String interfaceName, List<VirtualAddress> addresses, boolean accept) {
                }

                @Override
                public void removeAddresses(String instance, String interfaceName, List<VirtualAddress> addresses) {
                }

                @Override
                public void announce(String instance, String interfaceName, List<VirtualAddress> addresses, int rounds) {
                }
            };
        }

        EventSink counter() {
            return new EventSink() {
                @Override
                public void stateChanged(StateTransition t) {
                    if (t.to() == VrrpState.MASTER) {
                        masters++;
                    }
                }
            };
        }

        InboundPacket lowerPriorityAdvert(int version, boolean ipv6, long advertMillis) {
            InetAddress src = source(ipv6, 3);
            InetAddress dst = ipv6 ? VrrpEngine.MCAST6 : VrrpEngine.MCAST4;
            List<InetAddress> vips = List.of(address(ipv6 ? "fd00:5e::100" : "192.0.2.100"));
            org.halo.vrrp.packet.VrrpAdvert a = version == 3
                    ? org.halo.vrrp.packet.VrrpAdvert.v3(51, 50, (int) (advertMillis / 10), vips)
                    : org.halo.vrrp.packet.VrrpAdvert.v2(51, 50, (int) (advertMillis / 1000),
                            org.halo.vrrp.packet.AuthType.NONE, null, vips);
            byte[] m = org.halo.vrrp.packet.VrrpCodec.encode(a, src, dst, org.halo.vrrp.packet.ChecksumMode.PSEUDO_HEADER);
            return new InboundPacket(INTERFACES.get(1), src, dst, 255, m, null);
        }
    }
}
