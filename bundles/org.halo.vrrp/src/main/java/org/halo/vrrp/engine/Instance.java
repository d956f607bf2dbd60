package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.packet.ChecksumMode;
import org.halo.vrrp.packet.VrrpAdvert;

/**
 * One vrrp_instance's state machine, confined to the engine loop. Follows keepalived 2.2.7's vrrp.c
 * (vrrp_state_backup, vrrp_state_master_rx, vrrp_state_goto_master, vrrp_state_leave_master,
 * vrrp_state_leave_fault) and vrrp_scheduler.c; times are nanoseconds on the loop clock.
 */
final class Instance {
    static final long MS = 1_000_000L;
    /** A master-down timer running later than this was held up by a stall of the process (see onDownTimer). */
    static final long STALL_NANOS = MS;
    /** Longest delay before a claim is repeated (repeatClaim). */
    static final long CLAIM_REPEAT_MAX_NANOS = 5 * MS;
    /** How long a stalled master-down timer waits for adverts that arrived during the stall. */
    static final long STALL_GRACE_NANOS = MS;
    static final long US = 1_000L;

    final VrrpEngine engine;
    InstanceConfig cfg;
    SyncGroup group;
    final Counters.Mutable stats = new Counters.Mutable();
    VrrpState state = VrrpState.INIT;
    VrrpState wantState = VrrpState.BACKUP;
    int basePriority;
    int effectivePriority;
    long masterAdverNanos;
    InetAddress masterAddr;
    int masterPriority;
    boolean vipsSet;
    boolean preemptArmed;
    long preemptDeadline;
    ChecksumMode checksumMode;
    boolean ownFault;
    boolean groupFault;
    int scriptIfFaults;
    int scriptsInit;
    long lastTransition;
    private EventLoop.Cancellable timer;
    /** The one pending repeat of a claim (see repeatClaim), or null. */
    private EventLoop.Cancellable claimRepeatTimer;
    /** When the master-down timer is due (loop clock), and whether a stall grace was already given for it. */
    private long downDue;
    private boolean stallGraceGiven;
    private EventLoop.Cancellable garpDelayTimer;
    private EventLoop.Cancellable lowerPrioGarpTimer;
    private long garpRefreshDue;
    private final AdvertSender sender = new AdvertSender(this);
    List<InetAddress> advertised;
    private volatile InstanceSnapshot snapshot;

    Instance(VrrpEngine engine, InstanceConfig cfg) {
        this.engine = engine;
        apply(cfg);
        effectivePriority = basePriority;
        // keepalived's wantstate starts as the configured state (vrrp_state_handler: state MASTER|BACKUP)
        wantState = cfg.initialMaster() ? VrrpState.MASTER : VrrpState.BACKUP;
        masterAdverNanos = cfg.advertIntervalMillis() * MS;
        publish();
    }

    private void apply(InstanceConfig c) {
        this.cfg = c;
        this.basePriority = c.priority();
        this.checksumMode = c.checksumMode();
        List<InetAddress> adv = new ArrayList<>();
        for (VirtualAddress v : c.virtualAddresses()) {
            adv.add(v.address());
        }
        this.advertised = List.copyOf(adv);
    }

    String name() {
        return cfg.name();
    }

    long now() {
        return engine.loop.nanoTime();
    }

    void log(String msg) {
        engine.log(LogSink.Level.INFO, msg);
    }

    private String n() {
        return "(" + cfg.name() + ") ";
    }

    // ---- timers -------------------------------------------------------------------------------

    long adverNanos() {
        return cfg.advertIntervalMillis() * MS;
    }

    /**
     * keepalived 2.2.7's VRRP_TIMER_SKEW in microseconds: v2 (256-prio) * 1 s / 256, not scaled by the
     * interval; v3 (256-prio) * master_adver_int[cs] * 625 / 16 (625/16 = 10000 us per cs / 256), so the
     * interval is counted in whole centiseconds but the skew itself keeps its microseconds. At 10 ms adverts
     * and priority 100 that is 6093 us: rounding it to whole centiseconds (0) would put the master-down
     * timer at exactly 3 intervals, where two lost adverts plus any send jitter already cause a takeover.
     */
    long skewNanos() {
        long p = effectivePriority;
        if (cfg.version() == 3) {
            long centis = masterAdverNanos / (10 * MS);
            return (256 - p) * centis * 625 / 16 * US;
        }
        return (256 - p) * 1_000_000L / 256 * US;
    }

    long downTimerNanos() {
        return cfg.downTimerAdverts() * masterAdverNanos + skewNanos();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void armDown(long delay) {
        armDownFrom(now(), delay);
    }

    /**
     * The master-down (or skew) timer counted from {@code baseNanos}: for a received advert, the instant the
     * packet was handed over, so neither the hop to this loop nor the work and logging done before arming
     * pushes the deadline later.
     */
    private void armDownFrom(long baseNanos, long delay) {
        cancelTimer();
        downDue = baseNanos + Math.max(0, delay);
        stallGraceGiven = false;
        timer = engine.loop.schedule(downDue - now(), this::onDownTimer);
    }

    private void armAdvert() {
        cancelTimer();
        timer = engine.loop.schedule(adverNanos(), this::onAdvertTimer);
    }

    private void cancelGarpTimers() {
        if (claimRepeatTimer != null) {
            claimRepeatTimer.cancel();
            claimRepeatTimer = null;
        }
        if (garpDelayTimer != null) {
            garpDelayTimer.cancel();
            garpDelayTimer = null;
        }
        if (lowerPrioGarpTimer != null) {
            lowerPrioGarpTimer.cancel();
            lowerPrioGarpTimer = null;
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    void start() {
        recomputeTracking(null, false);
        if (!cfg.virtualAddresses().isEmpty() || !cfg.excludedAddresses().isEmpty()) {
            // keepalived removes leftover VIPs of a previous run at startup (vrrp_restore_interface, force)
            removeVips();
        }
        if (inFault()) {
            // keepalived 2.2.7 (checked with a tracked interface down at start): wantstate FAULT
            wantState = VrrpState.FAULT;
            log(n() + "Entering FAULT STATE (init)");
            transition(VrrpState.FAULT, "init: fault");
        } else if (cfg.initialMaster() && basePriority == ConfigChecks.PRIO_OWNER) {
            wantState = VrrpState.MASTER;
            gotoMaster("init: address owner", false);
        } else {
            log(n() + "Entering BACKUP STATE (init)");
            transition(VrrpState.BACKUP, "init");
            armDown(downTimerNanos());
        }
        publish();
    }

    /** Shutdown or removal on reload: priority-0 advert and VIP removal if MASTER (keepalived's stop). */
    void stop(String cause) {
        cancelTimer();
        cancelGarpTimers();
        if (state == VrrpState.MASTER) {
            restoreInterface(true);
            stats.releaseMaster++;
        }
        transition(VrrpState.STOP, cause);
        publish();
    }

    /** Reload with a compatible configuration: keep the state, apply the rest. */
    void reconfigure(InstanceConfig c) {
        List<VirtualAddress> oldVips = cfg.virtualAddresses();
        List<String> oldRoutes = cfg.virtualRoutes();
        List<String> oldRules = cfg.virtualRules();
        apply(c);
        if (state == VrrpState.MASTER && vipsSet) {
            List<VirtualAddress> gone = new ArrayList<>(oldVips);
            gone.removeAll(c.virtualAddresses());
            List<VirtualAddress> added = new ArrayList<>(c.virtualAddresses());
            added.removeAll(oldVips);
            if (!gone.isEmpty()) {
                engine.net(() -> engine.network.removeAddresses(name(), cfg.interfaceName(), gone));
            }
            if (!added.isEmpty()) {
                engine.net(() -> engine.network.addAddresses(name(), cfg.interfaceName(), added,
                        Boolean.TRUE.equals(cfg.accept())));
                engine.net(() -> engine.network.announce(name(), cfg.interfaceName(), added, cfg.garp().masterRepeat()));
            }
            if (!oldRoutes.equals(c.virtualRoutes()) || !oldRules.equals(c.virtualRules())) {
                engine.net(() -> engine.network.removeRoutes(name(), oldRoutes, oldRules));
                engine.net(() -> engine.network.addRoutes(name(), cfg.virtualRoutes(), cfg.virtualRules()));
            }
        }
        recomputeTracking("reload", true);
        publish();
    }

    // ---- MASTER --------------------------------------------------------------------------------

    /** vrrp_state_goto_master + vrrp_state_master_tx + vrrp_state_become_master. */
    void gotoMaster(String cause, boolean bySync) {
        if (!bySync && group != null && !group.canGotoMaster(this)) {
            wantState = VrrpState.MASTER;
            armDown(downTimerNanos());
            return;
        }
        wantState = VrrpState.MASTER;
        sendAdvert(effectivePriority);
        repeatClaim();
        log(n() + "Entering MASTER STATE");
        becomeMaster();
        transition(VrrpState.MASTER, cause);
        armAdvert();
        if (group != null) {
            group.memberBecameMaster(this);
        }
        publish();
    }

    private void becomeMaster() {
        stats.becomeMaster++;
        masterAdverNanos = adverNanos();
        masterAddr = cfg.sourceAddress();
        masterPriority = effectivePriority;
        preemptArmed = false;
        if (!cfg.virtualAddresses().isEmpty()) {
            log(n() + "setting VIPs.");
            engine.net(() -> engine.network.addAddresses(name(), cfg.interfaceName(), cfg.virtualAddresses(),
                    Boolean.TRUE.equals(cfg.accept())));
        }
        if (!cfg.excludedAddresses().isEmpty()) {
            log(n() + "setting E-VIPs.");
            engine.net(() -> engine.network.addAddresses(name(), cfg.interfaceName(), cfg.excludedAddresses(),
                    Boolean.TRUE.equals(cfg.accept())));
        }
        vipsSet = true;
        if (!cfg.virtualRoutes().isEmpty() || !cfg.virtualRules().isEmpty()) {
            engine.net(() -> engine.network.addRoutes(name(), cfg.virtualRoutes(), cfg.virtualRules()));
        }
        GarpConfig g = cfg.garp();
        announce(g.masterRepeat(), true);
        if (g.masterRefreshMillis() > 0) {
            garpRefreshDue = now() + g.masterRefreshMillis() * MS;
        }
        if (g.masterDelayMillis() > 0 && g.masterRepeat() > 0) {
            garpDelayTimer = engine.loop.schedule(g.masterDelayMillis() * MS, () -> {
                garpDelayTimer = null;
                if (state == VrrpState.MASTER) {
                    announce(g.masterRepeat(), true);
                }
            });
        }
    }

    private void announce(int rounds, boolean logIt) {
        if (rounds <= 0 || !vipsSet) {
            return;
        }
        List<VirtualAddress> all = new ArrayList<>(cfg.virtualAddresses());
        all.addAll(cfg.excludedAddresses());
        if (all.isEmpty()) {
            return;
        }
        // the frames first, the log lines after: formatting them would delay the first GARP
        engine.net(() -> engine.network.announce(name(), cfg.interfaceName(), all, rounds));
        if (logIt) {
            for (VirtualAddress v : all) {
                log(n() + "Sending/queueing " + (v.ipv6() ? "Unsolicited Neighbour Adverts" : "gratuitous ARPs")
                        + " on " + (v.device() != null ? v.device() : cfg.interfaceName()) + " for "
                        + Addresses.format(v.address()));
            }
        }
    }

    private void onAdvertTimer() {
        timer = null;
        if (state != VrrpState.MASTER) {
            return;
        }
        sendAdvert(effectivePriority);
        GarpConfig g = cfg.garp();
        if (g.masterRefreshMillis() > 0 && now() >= garpRefreshDue) {
            announce(g.masterRefreshRepeat(), false);
            garpRefreshDue = now() + g.masterRefreshMillis() * MS;
        }
        armAdvert();
        publish();
    }

    /** vrrp_restore_interface: optional priority-0 advert, then routes and VIPs removed. */
    private void restoreInterface(boolean advF) {
        if (advF) {
            sendAdvert(0);
            stats.priZeroSent++;
            log(n() + "sent 0 priority");
        }
        if (!cfg.virtualRoutes().isEmpty() || !cfg.virtualRules().isEmpty()) {
            engine.net(() -> engine.network.removeRoutes(name(), cfg.virtualRoutes(), cfg.virtualRules()));
        }
        cancelGarpTimers();
        if (vipsSet) {
            removeVips();
        }
        vipsSet = false;
    }

    private void removeVips() {
        if (!cfg.virtualAddresses().isEmpty()) {
            log(n() + "removing VIPs.");
            List<VirtualAddress> v = cfg.virtualAddresses();
            engine.net(() -> engine.network.removeAddresses(name(), cfg.interfaceName(), v));
        }
        if (!cfg.excludedAddresses().isEmpty()) {
            log(n() + "removing E-VIPs.");
            List<VirtualAddress> v = cfg.excludedAddresses();
            engine.net(() -> engine.network.removeAddresses(name(), cfg.interfaceName(), v));
        }
    }

    /** vrrp_state_leave_master towards BACKUP or FAULT. */
    void leaveMaster(VrrpState want, String cause) {
        wantState = want;
        if (want == VrrpState.BACKUP) {
            log(n() + "Entering BACKUP STATE");
            preemptArmed = false;
        } else {
            log(n() + "Entering FAULT STATE");
            sendAdvert(0);
            stats.priZeroSent++;
        }
        restoreInterface(false);
        stats.releaseMaster++;
        transition(want, cause);
        if (want == VrrpState.BACKUP) {
            armDown(downTimerNanos());
        } else {
            cancelTimer();
        }
        if (group != null && want == VrrpState.BACKUP) {
            group.memberLeftMaster(this);
        }
        publish();
    }

    // ---- receive ------------------------------------------------------------------------------

    /** @param receivedNanos loop-clock time at which the packet left the socket (the timers count from it) */
    void receive(InboundPacket p, long receivedNanos) {
        switch (state) {
            case BACKUP -> backupRx(p, receivedNanos);
            case MASTER -> masterRx(p);
            default -> PacketValidator.check(this, p, true); // counted, otherwise ignored (FAULT/INIT/STOP)
        }
        publish();
    }

    /** vrrp_state_backup. */
    private void backupRx(InboundPacket p, long receivedNanos) {
        boolean checkAddr = !cfg.skipCheckAdvAddr() || masterAddr == null
                || Addresses.compare(masterAddr, p.source()) != 0;
        PacketValidator.Result r = PacketValidator.check(this, p, checkAddr);
        if (r.verdict() != PacketValidator.Verdict.OK) {
            return; // ignored: the down timer keeps running
        }
        VrrpAdvert a = r.advert();
        int prio = a.priority();
        long now = now();
        if (prio == 0) {
            armDownFrom(receivedNanos, skewNanos());
            log(n() + "Backup received priority 0 advertisement");
        } else if (cfg.nopreempt() || prio >= effectivePriority
                || (cfg.preemptDelayMillis() > 0 && (!preemptArmed || preemptDeadline > now))) {
            if (cfg.version() == 3) {
                adoptInterval(a, "master");
            }
            masterAddr = p.source();
            masterPriority = prio;
            if (cfg.preemptDelayMillis() > 0) {
                if (prio >= effectivePriority) {
                    if (preemptArmed) {
                        log(n() + "stop preempt delay");
                        preemptArmed = false;
                    }
                } else if (!preemptArmed) {
                    long d = cfg.preemptDelayMillis();
                    log(n() + String.format(Locale.ROOT, "start preempt delay (%d.%06d)", d / 1000, d % 1000 * 1000));
                    preemptArmed = true;
                    preemptDeadline = now + d * MS;
                }
            }
            wantState = VrrpState.BACKUP;
            armDownFrom(receivedNanos, downTimerNanos());
        } else {
            log(n() + "received lower priority (" + prio + ") advert from " + Addresses.format(p.source())
                    + " - discarding");
            masterAddr = p.source();
        }
    }

    private void adoptInterval(VrrpAdvert a, String who) {
        long m = a.intervalMillis() * MS;
        if (m != masterAdverNanos) {
            log(n() + "advertisement interval updated from " + masterAdverNanos / MS + "ms to " + m / MS + "ms by "
                    + who);
            masterAdverNanos = m;
        }
    }

    private void onDownTimer() {
        timer = null;
        if (state != VrrpState.BACKUP) {
            return;
        }
        if (!stallGraceGiven && now() - downDue > STALL_NANOS) {
            // The loop woke well after the deadline: the whole process was stopped (a GC or other safepoint
            // pause, CPU starvation), and adverts that reached the socket meanwhile may still be on their way
            // (with a loop fed by receive threads, queued behind this older timer; the daemon's polled loop
            // reads them first anyway). keepalived's single loop reads a readable socket before it acts on a
            // timeout; give those adverts the same precedence, once, whatever the loop.
            stallGraceGiven = true;
            timer = engine.loop.schedule(STALL_GRACE_NANOS, this::onDownTimer);
            return;
        }
        log(n() + "Receive advertisement timeout");
        wantState = VrrpState.MASTER;
        gotoMaster("master down timer expired", false);
        publish();
    }

    /** vrrp_state_master_rx. */
    private void masterRx(InboundPacket p) {
        PacketValidator.Result r = PacketValidator.check(this, p, true);
        if (r.verdict() != PacketValidator.Verdict.OK) {
            return;
        }
        VrrpAdvert a = r.advert();
        int prio = a.priority();
        int addrCmp = Addresses.compare(p.source(), cfg.sourceAddress());
        if (prio == 0 || (Boolean.TRUE.equals(cfg.higherPrioSendAdvert())
                && (prio > effectivePriority || (prio == effectivePriority && addrCmp > 0)))) {
            sendAdvert(effectivePriority);
            if (prio == 0) {
                log(n() + "Master received priority 0 message");
                return;
            }
        }
        if (prio == effectivePriority) {
            if (addrCmp == 0) {
                log(n() + "WARNING - equal priority advert received from remote host with our IP address.");
            } else if (effectivePriority == ConfigChecks.PRIO_OWNER) {
                log(n() + "CONFIGURATION ERROR: local instance and a remote instance are both configured as address"
                        + " owner, please fix - reducing local priority");
                effectivePriority = ConfigChecks.PRIO_OWNER - 1;
                basePriority = ConfigChecks.PRIO_OWNER - 1;
            }
        }
        if (prio < effectivePriority || (prio == effectivePriority && addrCmp < 0)) {
            boolean noAdvert = Boolean.TRUE.equals(cfg.lowerPrioNoAdvert());
            log(n() + "Received advert from " + Addresses.format(p.source()) + " with lower priority " + prio
                    + ", ours " + effectivePriority + (noAdvert ? "" : ", forcing new election"));
            if (cfg.authType() == AuthType.AH) {
                log(n() + "IPSEC-AH : Syncing seq_num - Increment seq");
            }
            if (!noAdvert) {
                sendAdvert(effectivePriority);
                repeatClaim();
            }
            lowerPrioGarp();
            if (group != null) {
                group.lowerPrioGarp(this);
            }
            engine.event(() -> engine.events.masterReceivedLowerPriority(name(), p.source(), prio));
            return;
        }
        if (prio > effectivePriority || (prio == effectivePriority && addrCmp > 0)) {
            String cause;
            if (prio > effectivePriority) {
                log(n() + "Master received advert from " + Addresses.format(p.source()) + " with higher priority "
                        + prio + ", ours " + effectivePriority);
                cause = "higher priority advert from " + Addresses.format(p.source());
            } else {
                log(n() + "Master received advert from " + Addresses.format(p.source()) + " with same priority "
                        + prio + " but higher IP address than ours");
                cause = "equal priority advert from higher address " + Addresses.format(p.source());
            }
            if (cfg.version() == 3) {
                adoptInterval(a, "new master");
            }
            masterPriority = prio;
            masterAddr = p.source();
            leaveMaster(VrrpState.BACKUP, cause);
        }
    }

    /**
     * Two masters can only be told apart by their adverts, and a lost one keeps both masters until the next
     * regular advert gets through (an advert interval or more). The advert that claims mastership (the first
     * one as MASTER) and the one that answers another master's lower-priority claim are therefore sent once
     * more, a quarter interval later (at most 5 ms), while still MASTER: one lost packet no longer prolongs
     * a split. keepalived sends each once; a receiver takes the repeat as one more advert.
     */
    private void repeatClaim() {
        if (claimRepeatTimer != null) {
            return;
        }
        claimRepeatTimer = engine.loop.schedule(Math.min(adverNanos() / 4, CLAIM_REPEAT_MAX_NANOS), () -> {
            claimRepeatTimer = null;
            if (state == VrrpState.MASTER) {
                sendAdvert(effectivePriority);
            }
        });
    }

    /** garp_lower_prio_repeat / garp_lower_prio_delay. */
    void lowerPrioGarp() {
        GarpConfig g = cfg.garp();
        if (g.lowerPrioRepeat() > 0 && state == VrrpState.MASTER) {
            announce(g.lowerPrioRepeat(), false);
            if (g.lowerPrioDelayMillis() > 0 && lowerPrioGarpTimer == null) {
                lowerPrioGarpTimer = engine.loop.schedule(g.lowerPrioDelayMillis() * MS, () -> {
                    lowerPrioGarpTimer = null;
                    if (state == VrrpState.MASTER) {
                        announce(g.lowerPrioRepeat(), false);
                    }
                });
            }
        }
    }

    // ---- tracking, priority and FAULT ---------------------------------------------------------

    boolean inFault() {
        return ownFault || groupFault;
    }

    void setBasePriority(int p, String cause) {
        basePriority = p;
        recomputeTracking(cause, true);
        publish();
    }

    /**
     * Recomputes effective priority (base + weights, clamped to 1..254 when any weight applies) and the
     * fault status from the engine's link and track tables; reacts when {@code react}.
     */
    void recomputeTracking(String cause, boolean react) {
        List<TrackConfig> tracks = new ArrayList<>(cfg.tracks());
        if (group != null) {
            tracks.addAll(group.cfg.tracks());
        }
        Tracking.Result tr = Tracking.evaluate(engine, cfg, tracks);
        int offset = tr.offset();
        String fault = tr.fault();
        scriptIfFaults = tr.faults();
        scriptsInit = tr.init();
        // keepalived vrrp_set_effective_priority: the address owner's priority never changes
        int eff = offset == 0 || basePriority == ConfigChecks.PRIO_OWNER ? basePriority
                : Math.max(1, Math.min(254, basePriority + offset));
        if (eff != effectivePriority) {
            int old = effectivePriority;
            if (react) {
                log(n() + "Changing effective priority from " + old + " to " + eff);
                engine.event(() -> engine.events.priorityChanged(name(), old, eff));
            }
            effectivePriority = eff;
            if (state == VrrpState.MASTER) {
                masterPriority = eff;
            }
        }
        boolean f = fault != null;
        if (f != ownFault) {
            ownFault = f;
            if (group != null) {
                group.faultChanged(fault != null ? fault : cause);
            }
        }
        if (react) {
            reevaluateFault(fault != null ? fault : cause);
        }
    }

    /** Moves into or out of FAULT to match the current fault status. */
    void reevaluateFault(String cause) {
        if (inFault() && state != VrrpState.FAULT && state != VrrpState.STOP && state != VrrpState.INIT) {
            if (state == VrrpState.MASTER) {
                leaveMaster(VrrpState.FAULT, cause);
            } else {
                log(n() + "Entering FAULT STATE");
                wantState = VrrpState.FAULT;
                cancelTimer();
                transition(VrrpState.FAULT, cause);
            }
        } else if (!inFault() && state == VrrpState.FAULT) {
            // vrrp_state_leave_fault towards BACKUP
            log(n() + "Entering BACKUP STATE");
            wantState = VrrpState.BACKUP;
            preemptArmed = false;
            masterAdverNanos = adverNanos();
            transition(VrrpState.BACKUP, cause);
            armDown(downTimerNanos());
        }
        publish();
    }

    // ---- sending --------------------------------------------------------------------------------

    void sendAdvert(int prio) {
        sender.send(prio);
    }

    // ---- events and snapshot --------------------------------------------------------------------

    void transition(VrrpState to, String cause) {
        VrrpState from = state;
        state = to;
        lastTransition = now();
        if (from != to) {
            StateTransition t = new StateTransition(name(), group == null ? null : group.cfg.name(), from, to,
                    effectivePriority, lastTransition, cause, masterAddr);
            engine.event(() -> engine.events.stateChanged(t));
        }
    }

    void publish() {
        snapshot = new InstanceSnapshot(name(), group == null ? null : group.cfg.name(), state, basePriority,
                effectivePriority, state == VrrpState.MASTER ? cfg.sourceAddress() : masterAddr,
                state == VrrpState.MASTER ? effectivePriority : masterPriority, cfg.advertIntervalMillis(),
                masterAdverNanos / MS, cfg.virtualAddresses(), vipsSet, stats.freeze(), lastTransition, wantState,
                scriptIfFaults, scriptsInit);
    }

    InstanceSnapshot snapshot() {
        return snapshot;
    }
}
