package org.halo.systest.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.halo.systest.lab.AdvertCapture;
import org.halo.systest.lab.ClientProbe;
import org.halo.systest.lab.Daemon;
import org.halo.systest.lab.GarpCapture;
import org.halo.systest.lab.GcLog;
import org.halo.systest.lab.Kill;
import org.halo.systest.lab.Lab;
import org.halo.systest.lab.LogCheck;
import org.halo.systest.lab.ProcStats;
import org.halo.systest.lab.Reaper;
import org.halo.systest.lab.Sh;
import org.halo.systest.lab.VipWatch;
import org.halo.systest.lab.VrrpConf;
import org.halo.systest.lab.VrrpDaemons;
import org.halo.systest.lab.VrrpDaemons.Kind;

/**
 * Failover benchmark: keepalived and Halo side by side, in the same run, on the same namespaces.
 * For each setup (v2 advert 1 s, v3 100 ms, v3 10 ms) and each daemon: a pair with priorities
 * 150/100; the master gets SIGKILL or SIGTERM; the harness measures the time to (a) the VIP on the
 * new master (ip monitor), (b) the client's first answer from the new master (TCP probe every
 * 10 ms), (c) the first GARP from the new master (tcpdump, kernel timestamps). Then idle CPU and
 * RSS per node, and spurious takeovers plus split-brain time over a window at 0 % and 20 % inbound
 * VRRP loss (nftables). Prints every figure with the Halo/keepalived ratio. Not a test: run it
 * with {@code tests/system/bench/failover.sh}.
 */
public final class FailoverBench {
    record Setup(String label, int version, String advert) {
        long intervalMicros() {
            return Math.round(Double.parseDouble(advert) * 1_000_000);
        }

        /** keepalived's master-down interval for the backup (priority 100): 3 x interval + VRRP_TIMER_SKEW. */
        long downMicros(int priority) {
            long skew = version == 3 ? (256L - priority) * (intervalMicros() / 10_000) * 625 / 16 : (256L - priority) * 1_000_000L / 256;
            return 3 * intervalMicros() + skew;
        }
    }

    static final List<Setup> SETUPS = List.of(new Setup("v2-1s", 2, "1"), new Setup("v3-100ms", 3, "0.1"), new Setup("v3-10ms", 3, "0.01"));

    private final Options options;
    private final Results results = new Results();

    FailoverBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options o = Options.parse(args);
        if (!Lab.canRun()) {
            System.err.println("failover benchmark: needs root (network namespaces)");
            System.exit(2);
        }
        List<Kind> kinds = new ArrayList<>(o.kinds);
        if (!kinds.contains(Kind.KEEPALIVED)) {
            kinds.add(0, Kind.KEEPALIVED); // every figure is a ratio to keepalived
        }
        if (kinds.contains(Kind.HALO) && !VrrpDaemons.haloAvailable()) {
            System.err.println("Halo distribution not found at " + VrrpDaemons.haloBin() + ": measuring keepalived only");
            kinds.remove(Kind.HALO);
        }
        Reaper.start();
        FailoverBench bench = new FailoverBench(o);
        List<Setup> order = o.setups.isEmpty() ? SETUPS
                : o.setups.stream().map(l -> SETUPS.stream().filter(s -> s.label().equals(l)).findFirst().orElseThrow()).toList();
        for (Setup s : order) {
            bench.run(s, kinds);
            // a partial table after every setup: a long run cut short still leaves its figures
            bench.results.print(System.err, kinds);
        }
        bench.results.print(System.out, kinds);
        bench.results.writeJson(o.dir.resolve("failover-results.json"));
        System.out.println("results: " + o.dir.resolve("failover-results.json"));
        System.exit(0);
    }

    void run(Setup setup, List<Kind> kinds) {
        log("== setup " + setup.label());
        try (Lab lab = Lab.create(2, options.dir)) {
            for (Kind kind : kinds) {
                try {
                    runKind(lab, setup, kind);
                } catch (RuntimeException e) {
                    log(kind + " " + setup.label() + " aborted: " + e);
                    results.note(setup.label(), kind, "aborted: " + e.getMessage());
                }
            }
        }
    }

    private static VrrpConf conf(String router, int prio, Setup s) {
        VrrpConf c = new VrrpConf(router);
        c.instance("VI_1", 51, prio).version(s.version()).advert(s.advert());
        return c;
    }

    private void runKind(Lab lab, Setup setup, Kind kind) {
        log("-- " + kind + " " + setup.label());
        Lab.Node n1 = lab.node(1);
        Lab.Node n2 = lab.node(2);
        Daemon d1 = VrrpDaemons.create(lab, n1, kind, conf("n1", 150, setup));
        Daemon d2 = VrrpDaemons.create(lab, n2, kind, conf("n2", 100, setup));
        long start = Sh.nowMicros();
        d1.start();
        d2.start();
        try (VipWatch watch = new VipWatch(lab); GarpCapture garp = new GarpCapture(lab); ClientProbe probe = new ClientProbe(lab, Lab.VIP, Lab.PORT, options.probeMillis, 100);
                AdvertCapture adverts = new AdvertCapture(lab, n2)) {
            if (!lab.awaitHolders(Lab.VIP, Set.of(1), 30_000)) {
                throw new IllegalStateException("n1 never became the sole VIP holder: " + lab.holders(Lab.VIP));
            }
            watch.firstAdd(Lab.VIP, start, 0).ifPresent(e -> results.add(setup.label(), kind, "start to VIP on n1 ms", (e.micros() - start) / 1000.0));
            for (String signal : List.of("KILL", "TERM")) {
                for (int r = 1; r <= options.rounds; r++) {
                    settle(lab, probe, watch, setup, kind);
                    long t0 = fire(adverts, n1, d1, signal, setup, kind);
                    Optional<VipWatch.Event> vip = watch.awaitAdd(Lab.VIP, t0, 1, 15_000);
                    Optional<ClientProbe.Answer> client = probe.await(t0, "n2", 15_000);
                    Optional<GarpCapture.Garp> g = garp.await(Lab.VIP, t0, n1.mac(), 15_000);
                    String p = "SIG" + signal + " ";
                    vip.ifPresent(e -> results.add(setup.label(), kind, p + "(a) VIP on new master ms", (e.micros() - t0) / 1000.0));
                    client.ifPresent(a -> results.add(setup.label(), kind, p + "(b) client reaches new master ms", (a.endMicros() - t0) / 1000.0));
                    g.ifPresent(x -> results.add(setup.label(), kind, p + "(c) first GARP from new master ms", (x.micros() - t0) / 1000.0));
                    Optional<AdvertCapture.Advert> last = adverts.lastFrom(n1.ip(), t0);
                    last.ifPresent(a -> results.add(setup.label(), kind, p + "phase: signal after master's last advert ms", (t0 - a.micros()) / 1000.0));
                    String extra = "";
                    // the backup's timer, seen on the wire: its first advert as the new master
                    Optional<AdvertCapture.Advert> takeover = adverts.awaitFrom(n2.ip(), t0, 3000);
                    if (signal.equals("KILL")) {
                        last.ifPresent(a -> takeover.ifPresent(m -> results.add(setup.label(), kind,
                                p + "(m) new master's first advert from master's last advert ms", (m.micros() - a.micros()) / 1000.0)));
                        // independent of the phase: the backup's master-down timer plus its own reaction
                        last.ifPresent(a -> vip.ifPresent(e -> results.add(setup.label(), kind, p + "(a') VIP on new master from master's last advert ms",
                                (e.micros() - a.micros()) / 1000.0)));
                    } else {
                        Optional<AdvertCapture.Advert> zero = adverts.awaitPriorityZero(n1.ip(), t0, 3000);
                        zero.ifPresent(a -> results.add(setup.label(), kind, p + "(0) priority-0 advert on the wire ms", (a.micros() - t0) / 1000.0));
                        zero.ifPresent(z -> takeover.ifPresent(m -> results.add(setup.label(), kind,
                                p + "(m) new master's first advert from the priority-0 advert ms", (m.micros() - z.micros()) / 1000.0)));
                        extra = " prio0 " + ms(zero.map(AdvertCapture.Advert::micros), t0);
                    }
                    extra += " n2-advert " + ms(takeover.map(AdvertCapture.Advert::micros), t0);
                    log(String.format("%s %s SIG%s round %d: phase %s vip %s client %s garp %s%s", kind, setup.label(), signal, r,
                            last.map(a -> String.format("%.1f", (t0 - a.micros()) / 1000.0)).orElse("-"),
                            ms(vip.map(VipWatch.Event::micros), t0), ms(client.map(ClientProbe.Answer::endMicros), t0), ms(g.map(GarpCapture.Garp::micros), t0),
                            extra));
                    restore(lab, d1, n1);
                }
            }
            settle(lab, probe, watch, setup, kind);
            idle(setup, kind, d1, d2, adverts, n1);
            for (int loss : options.losses) {
                flaps(lab, setup, kind, d1, d2, watch, loss);
            }
            gcMaxima(lab, setup, kind);
            long complaints = LogCheck.complaints(d1.log()).size() + LogCheck.complaints(d2.log()).size();
            results.add(setup.label(), kind, "log complaints about peer packets", complaints);
        } finally {
            d1.stop(5000);
            d2.stop(5000);
            for (Lab.Node n : lab.nodes()) {
                Sh.tryRun("ip", "-n", n.ns(), "addr", "del", Lab.VIP + "/24", "dev", "eth0");
                lab.vrrpLoss(n, 0);
                VrrpDaemons.clearPidFiles(lab, n);
            }
            lab.vrrpLossOnBridge(0);
        }
    }

    /**
     * Signals n1's process group. Fixed phase (default): waits for one of n1's adverts on the wire (captured
     * in n2) and signals {@code --phase} x advert interval after it, so every daemon is killed at the same
     * point of its advert cycle and the SIGKILL figures do not carry up to one interval of phase noise. The
     * phase actually achieved is recorded from the capture. {@code --phase random}: signal at once.
     */
    private long fire(AdvertCapture adverts, Lab.Node n1, Daemon d1, String signal, Setup setup, Kind kind) {
        int sig = Kill.number(signal);
        if (options.phase < 0) {
            return Kill.group(d1.pid(), sig);
        }
        long interval = setup.intervalMicros();
        Optional<AdvertCapture.Advert> a = adverts.awaitFrom(n1.ip(), Sh.nowMicros(), 3 * interval / 1000 + 2000);
        if (a.isEmpty()) {
            results.note(setup.label(), kind, "no advert from n1 seen before a signal: sent at a random phase");
            return Kill.group(d1.pid(), sig);
        }
        long target = a.get().micros() + Math.round(options.phase * interval);
        // the capture reaches us a little after the kernel timestamp: if the instant has passed, aim at the
        // same phase of a later advert (the achieved phase is measured, not assumed)
        while (target < Sh.nowMicros() + 300) {
            target += interval;
        }
        long left;
        while ((left = target - Sh.nowMicros()) > 2_000) {
            Sh.sleep((left - 1_500) / 1000);
        }
        while (Sh.nowMicros() < target) {
            Thread.onSpinWait();
        }
        return Kill.group(d1.pid(), sig);
    }

    /** The longest GC pause per node over the whole run of this daemon (Halo kinds write GC logs). */
    private void gcMaxima(Lab lab, Setup setup, Kind kind) {
        if (kind == Kind.KEEPALIVED) {
            return;
        }
        for (Lab.Node n : lab.nodes()) {
            List<GcLog.Pause> pauses = GcLog.pauses(VrrpDaemons.gcDir(lab, kind), n.name());
            // the whole run, start-ups included (n1 is restarted after every round)
            results.add(setup.label(), kind, "GC pauses " + n.name() + " incl. start-ups (count)", pauses.size());
            results.add(setup.label(), kind, "GC pause max " + n.name() + " incl. start-ups ms", pauses.stream().mapToDouble(GcLog.Pause::millis).max().orElse(0));
        }
    }

    private static String ms(Optional<Long> micros, long t0) {
        return micros.map(m -> String.format("%.1f", (m - t0) / 1000.0)).orElse("-");
    }

    /**
     * Waits until n1 is the sole holder, unchanged for 1.5 s, and the client is answered by n1. With
     * 10 ms adverts on a busy 2-core VM the backup may keep taking the VIP for a few ms now and then;
     * after 15 s without a quiet 1.5 s the round starts anyway once n1 is the sole holder, and the
     * run notes it.
     */
    private void settle(Lab lab, ClientProbe probe, VipWatch watch, Setup setup, Kind kind) {
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() < start + 30_000) {
            long now = Sh.nowMicros();
            boolean quiet = watch.between(Lab.VIP, now - 1_500_000, now).isEmpty();
            boolean answered = probe.last().filter(a -> a.node().equals("n1") && a.endMicros() > now - 500_000).isPresent();
            boolean sole = lab.holders(Lab.VIP).equals(Set.of(1));
            if (answered && sole && (quiet || System.currentTimeMillis() > start + 15_000)) {
                if (!quiet) {
                    results.note(setup.label(), kind, "a round started without 1.5 s of quiet (VIP events keep coming)");
                }
                return;
            }
            Sh.sleep(100);
        }
        throw new IllegalStateException("did not settle with n1 as the sole holder: " + lab.holders(Lab.VIP));
    }

    /** Restarts the faulted master (after SIGKILL its VIP is still configured; the daemon must remove it). */
    private void restore(Lab lab, Daemon d, Lab.Node node) {
        if (d.waitExit(5000) == null) {
            d.signalGroup("KILL");
            d.waitExit(5000);
        }
        d.stop(1000);
        VrrpDaemons.clearPidFiles(lab, node);
        d.start();
        if (!lab.awaitHolders(Lab.VIP, Set.of(1), 30_000)) {
            throw new IllegalStateException("restarted n1 did not preempt back: " + lab.holders(Lab.VIP));
        }
    }

    private void idle(Setup setup, Kind kind, Daemon d1, Daemon d2, AdvertCapture adverts, Lab.Node n1) {
        ProcStats.Sample a1 = ProcStats.tree(d1.pid());
        ProcStats.Sample a2 = ProcStats.tree(d2.pid());
        long from = Sh.nowMicros();
        Sh.sleep(options.idleSeconds * 1000L);
        // the master's send jitter as the backup sees it: gaps between consecutive adverts
        List<AdvertCapture.Advert> seen = adverts.between(n1.ip(), from, Sh.nowMicros());
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < seen.size(); i++) {
            gaps.add((seen.get(i).micros() - seen.get(i - 1).micros()) / 1000.0);
        }
        if (!gaps.isEmpty()) {
            List<Double> sorted = gaps.stream().sorted().toList();
            results.add(setup.label(), kind, "idle: master advert gap p99 ms", sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)));
            results.add(setup.label(), kind, "idle: master advert gap max ms", sorted.get(sorted.size() - 1));
        }
        ProcStats.Sample b1 = ProcStats.tree(d1.pid());
        ProcStats.Sample b2 = ProcStats.tree(d2.pid());
        results.add(setup.label(), kind, "idle CPU master % of a core", 100.0 * (b1.cpuSeconds() - a1.cpuSeconds()) / options.idleSeconds);
        results.add(setup.label(), kind, "idle CPU backup % of a core", 100.0 * (b2.cpuSeconds() - a2.cpuSeconds()) / options.idleSeconds);
        results.add(setup.label(), kind, "RSS master MB", Math.max(a1.rssKb(), b1.rssKb()) / 1024.0);
        results.add(setup.label(), kind, "RSS backup MB", Math.max(a2.rssKb(), b2.rssKb()) / 1024.0);
    }

    /**
     * Spurious takeovers (MASTER transitions in the logs), split-brain time and the cause of every takeover
     * (TakeoverCauses) over the window. The loss is applied on the bridge, so each node's capture separates
     * what was sent from what was delivered.
     */
    private void flaps(Lab lab, Setup setup, Kind kind, Daemon d1, Daemon d2, VipWatch watch, int loss) {
        Lab.Node n1 = lab.node(1);
        Lab.Node n2 = lab.node(2);
        try (AdvertCapture c1 = new AdvertCapture(lab, n1); AdvertCapture c2 = new AdvertCapture(lab, n2)) {
            lab.vrrpLossOnBridge(loss);
            long masters0 = LogCheck.transitions(d1.log(), "MASTER") + LogCheck.transitions(d2.log(), "MASTER");
            long t0 = Sh.nowMicros();
            Set<Integer> initial = lab.holders(Lab.VIP);
            Sh.sleep(options.flapSeconds * 1000L);
            long t1 = Sh.nowMicros();
            long masters1 = LogCheck.transitions(d1.log(), "MASTER") + LogCheck.transitions(d2.log(), "MASTER");
            lab.vrrpLossOnBridge(0);
            Sh.sleep(200); // the captures' last lines
            List<VipWatch.Event> events = watch.between(Lab.VIP, t0, t1);
            double splitMs = SplitBrain.millis(initial, events, t0, t1);
            String w = w(loss);
            List<TakeoverCauses.Side> sides = List.of(
                    new TakeoverCauses.Side(1, n1.ip(), 150, c1.all(), pauses(lab, kind, n1)),
                    new TakeoverCauses.Side(2, n2.ip(), 100, c2.all(), pauses(lab, kind, n2)));
            List<TakeoverCauses.Takeover> takeovers = TakeoverCauses.classify(events, sides, setup.intervalMicros(), setup::downMicros);
            for (TakeoverCauses.Takeover t : takeovers) {
                log(String.format("%s %s %d%% loss: takeover by n%d at %d us: %s (%s)", kind, setup.label(), loss, t.node(), t.micros(), t.cause(), t.detail()));
            }
            TakeoverCauses.count(takeovers).forEach((cause, n) -> results.add(setup.label(), kind,
                    w + "takeovers caused by " + cause.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), n));
            if (kind != Kind.KEEPALIVED) {
                results.add(setup.label(), kind, w + "longest JVM pause (safepoint) in the window ms",
                        sides.stream().flatMap(sd -> sd.pauses().stream()).filter(p -> p.overlaps(t0, t1)).mapToDouble(GcLog.Pause::millis).max().orElse(0));
            }
            results.add(setup.label(), kind, w + "spurious takeovers", masters1 - masters0);
            results.add(setup.label(), kind, w + "two-master time ms", splitMs);
            log(String.format("%s %s %d%% loss: takeovers %d, two masters %.1f ms", kind, setup.label(), loss, masters1 - masters0, splitMs));
        }
    }

    private static List<GcLog.Pause> pauses(Lab lab, Kind kind, Lab.Node n) {
        return kind == Kind.KEEPALIVED ? List.of() : GcLog.pauses(VrrpDaemons.gcDir(lab, kind), n.name());
    }

    private String w(int loss) {
        return options.flapSeconds + " s at " + loss + " % loss: ";
    }

    static void log(String s) {
        System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + s);
    }

    /** Command-line options. */
    static final class Options {
        int rounds = 5;
        /** Signal instant as a fraction of the advert interval after one of the master's adverts; < 0: random. */
        double phase = 0.5;
        /**
         * Client connect interval: a connect sent before the GARP goes to the old master's MAC and is lost, so
         * the client row is quantised by this interval (at 10 ms it spread a 5-round median by several ms).
         */
        int probeMillis = 2;
        int idleSeconds = 30;
        int flapSeconds = 60;
        List<Integer> losses = List.of(0, 20);
        // halo_core (the VRRP core without the framework) only on request: the daemon is what users run
        List<Kind> kinds = List.of(Kind.KEEPALIVED, Kind.HALO);
        List<String> setups = List.of();
        Path dir = Path.of("tests/system/target/bench");

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--rounds" -> o.rounds = Integer.parseInt(v);
                    case "--idle" -> o.idleSeconds = Integer.parseInt(v);
                    case "--probe-ms" -> o.probeMillis = Integer.parseInt(v);
                    case "--flap" -> o.flapSeconds = Integer.parseInt(v);
                    case "--loss" -> o.losses = List.of(v.split(",")).stream().map(Integer::parseInt).toList();
                    case "--kinds" -> o.kinds = List.of(v.split(",")).stream().map(k -> Kind.valueOf(k.toUpperCase())).toList();
                    case "--setups" -> o.setups = List.of(v.split(","));
                    case "--dir" -> o.dir = Path.of(v);
                    case "--phase" -> o.phase = v.equals("random") ? -1 : Double.parseDouble(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--rounds N --phase F|random --idle S --flap S --loss 0,20 --kinds keepalived,halo_core,halo --setups v2-1s,v3-100ms,v3-10ms --dir D)");
                }
                i++;
            }
            return o;
        }
    }

}
