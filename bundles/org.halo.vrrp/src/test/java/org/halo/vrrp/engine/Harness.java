package org.halo.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.packet.ChecksumMode;
import org.halo.vrrp.packet.MalformedPacketException;
import org.halo.vrrp.packet.VrrpAdvert;
import org.halo.vrrp.packet.VrrpCodec;

/** One engine on a manual loop with a recording network, log and event sink. */
final class Harness implements VrrpNetwork, EventSink {
    static final long MS = 1_000_000L;

    final ManualEventLoop loop = new ManualEventLoop();
    final List<String> logs = new ArrayList<>();
    final List<OutboundAdvert> sent = new ArrayList<>();
    final List<String> ops = new ArrayList<>();
    final List<StateTransition> transitions = new ArrayList<>();
    final List<String> priorityChanges = new ArrayList<>();
    final VrrpEngine engine = new VrrpEngine(loop, this, this, (level, msg) -> logs.add(msg));

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InstanceConfig.Builder cfg(String name, int prio) {
        return InstanceConfig.builder(name, 51, "eth0", ip("10.0.0.1")).priority(prio)
                .virtualAddress(VirtualAddress.of(ip("10.0.0.100"), 24));
    }

    Harness start(InstanceConfig... cs) {
        engine.configure(List.of(cs), List.of());
        loop.runPending();
        return this;
    }

    Harness start(List<InstanceConfig> cs, List<SyncGroupConfig> gs) {
        engine.configure(cs, gs);
        loop.runPending();
        return this;
    }

    void advanceMillis(long ms) {
        loop.advanceMillis(ms);
    }

    void advanceNanos(long ns) {
        loop.runUntil(loop.nanoTime() + ns);
    }

    VrrpState state(String name) {
        return engine.snapshot(name).orElseThrow().state();
    }

    Counters counters(String name) {
        return engine.snapshot(name).orElseThrow().counters();
    }

    /** A valid v2 advert for vrid 51 with VIP 10.0.0.100 from {@code src}. */
    static InboundPacket v2(String src, int prio) {
        return v2(src, prio, 1, List.of(ip("10.0.0.100")));
    }

    static InboundPacket v2(String src, int prio, int interval, List<InetAddress> vips) {
        VrrpAdvert a = VrrpAdvert.v2(51, prio, interval, AuthType.NONE, null, vips);
        return packet(a, src, "224.0.0.18", 255);
    }

    static InboundPacket v3(String src, int prio, int centis) {
        VrrpAdvert a = VrrpAdvert.v3(51, prio, centis, List.of(ip("10.0.0.100")));
        return packet(a, src, "224.0.0.18", 255);
    }

    static InboundPacket packet(VrrpAdvert a, String src, String dst, int ttl) {
        byte[] m = VrrpCodec.encode(a, ip(src), ip(dst), ChecksumMode.PSEUDO_HEADER);
        return new InboundPacket("eth0", ip(src), ip(dst), ttl, m, null);
    }

    void receive(InboundPacket p) {
        engine.receive(p);
        loop.runPending();
    }

    void assertLog(String line) {
        if (!logs.contains(line)) {
            fail("missing log line <" + line + "> in:\n" + String.join("\n", logs));
        }
    }

    void assertNoLog(String line) {
        assertTrue(!logs.contains(line), "unexpected log line <" + line + ">");
    }

    /** Decoded priorities of the adverts sent so far. */
    List<Integer> sentPriorities() {
        return sent.stream().map(o -> {
            try {
                return VrrpCodec.decode(o.vrrpMessage(), 0, o.vrrpMessage().length, o.source().getAddress().length == 16)
                        .priority();
            } catch (MalformedPacketException e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toList());
    }

    void assertTransitions(String name, VrrpState... states) {
        List<VrrpState> got = transitions.stream().filter(t -> t.instance().equals(name)).map(StateTransition::to)
                .collect(Collectors.toList());
        assertEquals(List.of(states), got);
    }

    long count(String opPrefix) {
        return ops.stream().filter(o -> o.startsWith(opPrefix)).count();
    }

    // ---- VrrpNetwork / EventSink ----

    @Override
    public void sendAdvert(OutboundAdvert advert) {
        sent.add(advert);
    }

    @Override
    public void addAddresses(String instance, String iface, List<VirtualAddress> addresses, boolean accept) {
        ops.add("add " + instance + " " + addresses.size() + " accept=" + accept + " @" + loop.nanoTime() / MS);
    }

    @Override
    public void removeAddresses(String instance, String iface, List<VirtualAddress> addresses) {
        ops.add("remove " + instance + " " + addresses.size() + " @" + loop.nanoTime() / MS);
    }

    @Override
    public void announce(String instance, String iface, List<VirtualAddress> addresses, int rounds) {
        ops.add("announce " + instance + " x" + rounds + " @" + loop.nanoTime() / MS);
    }

    @Override
    public void stateChanged(StateTransition t) {
        transitions.add(t);
    }

    @Override
    public void priorityChanged(String instance, int from, int to) {
        priorityChanges.add(instance + " " + from + "->" + to);
    }
}
