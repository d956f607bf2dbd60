package org.halo.vrrp.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.halo.vrrp.engine.EventSink;
import org.halo.vrrp.engine.InboundPacket;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.InstanceSnapshot;
import org.halo.vrrp.engine.ManualEventLoop;
import org.halo.vrrp.engine.OutboundAdvert;
import org.halo.vrrp.engine.StateTransition;
import org.halo.vrrp.engine.TrackConfig;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.engine.VrrpEngine;
import org.halo.vrrp.engine.VrrpNetwork;
import org.halo.vrrp.engine.VrrpState;

/**
 * A simulated LAN segment of N routers running one VRRP instance each, on one virtual clock. Adverts are
 * delivered to every other live router after a random delay, unless lost or blocked by a one-way
 * partition. Every fault and delivery is driven by one seeded {@link Random}, so a seed replays exactly.
 */
final class SimLan {
    static final long MS = 1_000_000L;
    static final String IFACE = "eth0";
    static final String VIP = "10.9.0.100";

    final class Node implements VrrpNetwork, EventSink {
        final int id;
        final InetAddress addr;
        final NodeLoop nodeLoop = new NodeLoop(loop);
        InstanceConfig cfg;
        VrrpEngine engine;
        boolean alive;
        boolean holdsVip;
        long lastAccepted = 0;
        boolean prioZeroSinceAccepted;

        Node(int id, InstanceConfig cfg) {
            this.id = id;
            this.addr = cfg.sourceAddress();
            this.cfg = cfg;
        }

        boolean everBooted;

        void boot() {
            nodeLoop.kill(); // a new incarnation: nothing of an earlier one may run
            everBooted = true;
            engine = new VrrpEngine(nodeLoop, this, this, (l, m) -> trace("n" + id + " log " + m));
            alive = true;
            lastAccepted = loop.nanoTime();
            engine.configure(List.of(cfg), List.of());
        }

        void crash() {
            nodeLoop.kill();
            alive = false;
            holdsVip = false;
            engine = null;
            vipChanged();
        }

        InstanceSnapshot snap() {
            return engine == null ? null : engine.snapshot("VI_1").orElse(null);
        }

        VrrpState state() {
            InstanceSnapshot s = snap();
            return s == null ? VrrpState.STOP : s.state();
        }

        @Override
        public void sendAdvert(OutboundAdvert a) {
            int prio = a.vrrpMessage()[2] & 0xff;
            for (Node to : nodes) {
                if (to == this) {
                    continue;
                }
                if (blocked[id][to.id]) {
                    continue;
                }
                if (random.nextInt(1000) < lossPermille) {
                    continue;
                }
                long delay = (long) random.nextInt(maxDelayMicros + 1) * 1000L;
                byte[] msg = a.vrrpMessage();
                loop.schedule(delay, () -> deliver(this, to, msg, prio));
            }
        }

        @Override
        public void addAddresses(String instance, String iface, List<VirtualAddress> addresses, boolean accept) {
            holdsVip = true;
            vipChanged();
        }

        @Override
        public void removeAddresses(String instance, String iface, List<VirtualAddress> addresses) {
            if (holdsVip) {
                holdsVip = false;
                vipChanged();
            }
        }

        @Override
        public void announce(String instance, String iface, List<VirtualAddress> addresses, int rounds) {
        }

        @Override
        public void stateChanged(StateTransition t) {
            trace("n" + id + " " + t.from() + "->" + t.to() + " prio=" + t.priority() + " cause=" + t.cause());
            transitions.add(new Observed(this, t));
            if ("master down timer expired".equals(t.cause()) && !prioZeroSinceAccepted
                    && loop.nanoTime() - lastAccepted < cfg.downTimerAdverts() * cfg.advertIntervalMillis() * MS) {
                unexplained.add("n" + id + " took over at " + loop.nanoTime() / 1e6 + " ms although it accepted an"
                        + " advert at " + lastAccepted / 1e6 + " ms");
            }
            if (t.to() == VrrpState.BACKUP) {
                lastAccepted = loop.nanoTime(); // the down timer is (re)armed on entering BACKUP
                prioZeroSinceAccepted = false;
            }
        }
    }

    record Observed(Node node, StateTransition t) {
    }

    record Delivery(long at, int from, int to, int prio) {
    }

    final ManualEventLoop loop = new ManualEventLoop();
    final Random random;
    final List<Node> nodes = new ArrayList<>();
    final boolean[][] blocked;
    final List<String> trace = new ArrayList<>();
    final List<Observed> transitions = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();
    final List<String> unexplained = new ArrayList<>();
    int lossPermille;
    int maxDelayMicros;
    long dualSince = -1;
    long lastDualEnd = -1;
    long maxDualAfterHeal;
    long healAt = Long.MAX_VALUE;

    SimLan(long seed, List<InstanceConfig> configs) {
        this.random = new Random(seed);
        for (int i = 0; i < configs.size(); i++) {
            nodes.add(new Node(i, configs.get(i)));
        }
        blocked = new boolean[configs.size()][configs.size()];
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InstanceConfig config(int id, int prio, int version, long advMillis, boolean nopreempt, int trackWeight) {
        InstanceConfig.Builder b = InstanceConfig.builder("VI_1", 51, IFACE, ip("10.9.0." + (id + 1))).priority(prio)
                .version(version).advertIntervalMillis(advMillis).nopreempt(nopreempt)
                .virtualAddress(VirtualAddress.of(ip(VIP), 24));
        if (trackWeight != Integer.MIN_VALUE) {
            b.track(new TrackConfig(TrackConfig.Kind.SCRIPT, "chk", trackWeight, false));
        }
        return b.build();
    }

    void trace(String s) {
        trace.add(String.format("%10.3f ", loop.nanoTime() / 1e6) + s);
    }

    void input(String s) {
        inputs.add(loop.nanoTime() + " " + s);
        trace("INPUT " + s);
    }

    private void deliver(Node from, Node to, byte[] msg, int prio) {
        if (!to.alive) {
            return;
        }
        deliveries.add(new Delivery(loop.nanoTime(), from.id, to.id, prio));
        InstanceSnapshot s = to.snap();
        if (s != null) {
            if (prio == 0) {
                to.prioZeroSinceAccepted = true;
            } else if (prio >= s.effectivePriority() || (to.cfg.nopreempt() && to.cfg.priority() != 255)) {
                // (keepalived resets nopreempt for the address owner)
                to.lastAccepted = loop.nanoTime();
                to.prioZeroSinceAccepted = false;
            }
        }
        to.engine.receive(new InboundPacket(IFACE, from.addr, ip("224.0.0.18"), 255, msg, null));
    }

    private void vipChanged() {
        int holders = 0;
        for (Node n : nodes) {
            if (n.alive && n.holdsVip) {
                holders++;
            }
        }
        long now = loop.nanoTime();
        if (holders > 1 && dualSince < 0) {
            dualSince = now;
        } else if (holders <= 1 && dualSince >= 0) {
            if (now > healAt) {
                maxDualAfterHeal = Math.max(maxDualAfterHeal, now - Math.max(dualSince, healAt));
            }
            dualSince = -1;
            lastDualEnd = now;
        }
    }

    /** Duration of VIP double-holding after heal, including one still open at {@code now}. */
    long dualAfterHeal(long now) {
        long open = dualSince >= 0 && now > healAt ? now - Math.max(dualSince, healAt) : 0;
        return Math.max(maxDualAfterHeal, open);
    }
}
