package org.halo.vrrp.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.InstanceSnapshot;
import org.halo.vrrp.engine.TrackConfig;
import org.halo.vrrp.engine.VrrpState;

/**
 * One seeded scenario: N routers, a chaos phase (loss, one-way partitions, delays, crashes and restarts,
 * graceful stops, priority changes, track failures), then the network heals and the invariants are
 * checked. {@link #run} returns null on success or a failure description; {@link #trace} replays it.
 */
final class Scenario {
    static final long MS = SimLan.MS;

    final long seed;
    final Random r;
    final int n;
    final int version;
    final long adv;
    final boolean nopreempt;
    final SimLan lan;
    String summary;

    Scenario(long seed) {
        this.seed = seed;
        this.r = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        n = 2 + r.nextInt(7);
        version = r.nextBoolean() ? 2 : 3;
        adv = version == 2 ? 1000 : new long[] {100, 200, 500, 1000}[r.nextInt(4)];
        nopreempt = r.nextInt(5) == 0;
        List<InstanceConfig> cfgs = new ArrayList<>();
        boolean owner = false;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int prio = 1 + r.nextInt(254);
            if (!owner && r.nextInt(10) == 0) {
                prio = 255;
                owner = true;
            }
            int weight = r.nextInt(3) == 0 ? new int[] {-60, -20, 0, 30}[r.nextInt(4)] : Integer.MIN_VALUE;
            cfgs.add(SimLan.config(i, prio, version, adv, nopreempt, weight));
            sb.append(" n").append(i).append("(prio ").append(prio)
                    .append(weight == Integer.MIN_VALUE ? "" : ", track weight " + weight).append(')');
        }
        lan = new SimLan(seed, cfgs);
        lan.lossPermille = r.nextInt(4) == 0 ? r.nextInt(300) : 0;
        lan.maxDelayMicros = r.nextInt((int) (adv * 100) + 1); // up to 10% of the interval
        summary = "seed=" + seed + " routers=" + n + " v" + version + " advert_int=" + adv + "ms nopreempt="
                + nopreempt + " loss=" + lan.lossPermille + "/1000 maxDelay=" + lan.maxDelayMicros + "us:" + sb;
    }

    long bound() {
        return 10 * adv * MS + 2L * lan.maxDelayMicros * 1000L;
    }

    String run() {
        lan.trace(summary);
        for (SimLan.Node node : lan.nodes) {
            long at = (long) r.nextInt((int) (2 * adv)) * MS;
            lan.loop.schedule(at, () -> boot(node));
        }
        long chaosEnd = (20 + r.nextInt(40)) * adv * MS;
        long t = 0;
        while (true) {
            t += (long) (1 + r.nextInt((int) (5 * adv))) * MS;
            if (t >= chaosEnd) {
                break;
            }
            lan.loop.runUntil(t);
            chaos();
        }
        lan.loop.runUntil(chaosEnd);
        heal();
        long h = lan.loop.nanoTime();
        lan.healAt = h;
        List<SimLan.Node> mastersAtHeal = new ArrayList<>();
        for (SimLan.Node x : lan.nodes) {
            if (x.state() == VrrpState.MASTER) {
                mastersAtHeal.add(x);
            }
        }
        lan.loop.runUntil(h + bound());
        String f = checkElected(mastersAtHeal, "at heal + bound");
        if (f != null) {
            return f;
        }
        InstanceSnapshot elected = masterSnapshot();
        lan.loop.runUntil(h + bound() + 20 * adv * MS);
        f = checkElected(mastersAtHeal, "20 intervals later");
        if (f != null) {
            return f;
        }
        InstanceSnapshot later = masterSnapshot();
        if (elected != null && later != null && !elected.masterAddress().equals(later.masterAddress())) {
            return "master changed after the network healed and stayed healed";
        }
        long dual = lan.dualAfterHeal(lan.loop.nanoTime());
        if (dual > bound()) {
            return "VIP held by two routers for " + dual / MS + " ms after heal (bound " + bound() / MS + " ms)";
        }
        return checkExplained();
    }

    private void boot(SimLan.Node node) {
        lan.input("boot n" + node.id);
        node.boot();
    }

    private void chaos() {
        SimLan.Node x = lan.nodes.get(r.nextInt(n));
        switch (r.nextInt(9)) {
            case 0 -> {
                if (x.alive) {
                    lan.input("crash n" + x.id);
                    x.crash();
                }
            }
            case 1 -> {
                if (!x.alive && x.everBooted) {
                    boot(x);
                }
            }
            case 2 -> {
                if (x.alive) {
                    lan.input("stop n" + x.id);
                    x.engine.shutdown();
                    lan.loop.schedule(MS, () -> {
                        if (x.alive) {
                            x.crash();
                        }
                    });
                }
            }
            case 3 -> {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                lan.blocked[a][b] = true;
                lan.input("partition n" + a + " -> n" + b);
            }
            case 4 -> {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                lan.blocked[a][b] = false;
                lan.input("unpartition n" + a + " -> n" + b);
            }
            case 5 -> {
                lan.lossPermille = r.nextInt(500);
                lan.input("loss " + lan.lossPermille + "/1000");
            }
            case 6 -> {
                if (x.alive) {
                    int p = 1 + r.nextInt(254);
                    lan.input("priority n" + x.id + " " + p);
                    x.engine.setPriority("VI_1", p);
                }
            }
            default -> {
                if (x.alive) {
                    boolean up = r.nextBoolean();
                    lan.input("track n" + x.id + " chk " + (up ? "up" : "down"));
                    x.engine.trackStatus(TrackConfig.Kind.SCRIPT, "chk", up);
                }
            }
        }
    }

    private void heal() {
        for (boolean[] row : lan.blocked) {
            java.util.Arrays.fill(row, false);
        }
        lan.lossPermille = 0;
        lan.input("heal");
        for (SimLan.Node x : lan.nodes) {
            if (!x.alive && x.everBooted) {
                boot(x);
            }
        }
    }

    private InstanceSnapshot masterSnapshot() {
        for (SimLan.Node x : lan.nodes) {
            if (x.state() == VrrpState.MASTER) {
                return x.snap();
            }
        }
        return null;
    }

    private String checkElected(List<SimLan.Node> mastersAtHeal, String when) {
        List<SimLan.Node> masters = new ArrayList<>();
        List<SimLan.Node> eligible = new ArrayList<>();
        int best = 0;
        for (SimLan.Node x : lan.nodes) {
            VrrpState s = x.state();
            if (s == VrrpState.MASTER) {
                masters.add(x);
            }
            if (x.alive && s != VrrpState.FAULT && s != VrrpState.STOP) {
                eligible.add(x);
                best = Math.max(best, x.snap().effectivePriority());
            }
        }
        if (eligible.isEmpty()) {
            return masters.isEmpty() ? null : when + ": MASTER although no router is eligible";
        }
        if (masters.size() != 1) {
            return when + ": " + masters.size() + " masters, expected exactly one";
        }
        SimLan.Node m = masters.get(0);
        int mp = m.snap().effectivePriority();
        if (mp == best) {
            return null;
        }
        if (nopreempt) {
            // no preemption: the incumbent keeps the role, or a router that timed out before it heard the
            // incumbent, which then yields to it only if it is at least as high as every master at heal time
            int incumbent = 0;
            for (SimLan.Node x : mastersAtHeal) {
                if (x.alive && x.snap() != null) {
                    incumbent = Math.max(incumbent, x.snap().effectivePriority());
                }
            }
            if (mastersAtHeal.contains(m) || mp >= incumbent) {
                return null;
            }
        }
        return when + ": master n" + m.id + " has priority " + mp + " but the highest eligible is " + best;
    }

    /** Every transition must be caused by an input, a delivered advert or an expired down timer. */
    private String checkExplained() {
        if (!lan.unexplained.isEmpty()) {
            return "unexplained timeout: " + lan.unexplained.get(0);
        }
        for (SimLan.Observed o : lan.transitions) {
            long at = o.t().nanoTime();
            String cause = o.t().cause();
            String who = "n" + o.node().id;
            boolean ok;
            if (cause == null) {
                ok = false;
            } else if (cause.startsWith("init")) {
                ok = lan.inputs.contains(at + " boot " + who);
            } else if (cause.startsWith("higher priority advert from ")
                    || cause.startsWith("equal priority advert from higher address ")) {
                String from = cause.substring(cause.lastIndexOf(' ') + 1);
                ok = lan.deliveries.stream().anyMatch(d -> d.at() == at && d.to() == o.node().id
                        && lan.nodes.get(d.from()).addr.getHostAddress().equals(from));
            } else if (cause.equals("master down timer expired")) {
                ok = true; // verified below against the deliveries the router accepted
            } else if (cause.equals("shutdown")) {
                ok = lan.inputs.contains(at + " stop " + who);
            } else {
                ok = lan.inputs.stream().anyMatch(i -> i.startsWith(at + " ") && (i.contains(" " + who + " ")
                        || i.endsWith(" " + who)));
            }
            if (!ok) {
                return "unexplained transition of " + who + " at " + at / 1e6 + " ms: " + o.t();
            }
        }
        return null;
    }
}
