package org.halo.host;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.halo.api.check.Health;

/**
 * One configured check: the target handed to the checker plus the core's scheduling parameters.
 *
 * @param target     what the checker probes
 * @param interval   time between probes ({@code interval} / {@code delay_loop})
 * @param retryDelay time before the next probe after a failure while not yet DOWN
 *                   ({@code delay_before_retry}; equals {@code interval} for vrrp_script)
 * @param fall       consecutive failures (timeouts count) that make an UP target DOWN
 * @param rise       consecutive successes that make a DOWN target UP
 * @param initial    health before the first result
 */
record CheckSpec(CheckTarget target, Duration interval, Duration retryDelay, int fall, int rise, Health initial) {

    /** Factory PID of vrrp_script entries. */
    static final String VRRP_SCRIPT_PID = "org.halo.vrrp.script";
    /** Factory PID of vrrp_track_process entries. */
    static final String VRRP_TRACK_PROCESS_PID = "org.halo.vrrp.trackprocess";
    /** How often /proc is scanned for a vrrp_track_process (keepalived is told by the proc connector at once). */
    static final Duration PROCESS_SCAN_INTERVAL = Duration.ofSeconds(1);
    /** Factory PID of real-server checks. */
    static final String CHECK_PID = "org.halo.check";

    CheckSpec {
        Objects.requireNonNull(target, "target");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(target.id() + ": interval must be > 0");
        }
        if (fall < 1 || rise < 1) {
            throw new IllegalArgumentException(target.id() + ": fall and rise must be >= 1");
        }
    }

    String id() {
        return target.id();
    }

    /**
     * A {@code vrrp_script} block as published under {@value #VRRP_SCRIPT_PID}: {@code name},
     * {@code script}, {@code interval} (default 1 s), {@code timeout} (default: interval),
     * {@code weight}, {@code rise}, {@code fall} (default 1), {@code user}, {@code init_fail}.
     * keepalived: the first result after start decides at once; later ones go through fall/rise.
     */
    static CheckSpec vrrpScript(Map<String, ?> config) {
        String name = name(config, VRRP_SCRIPT_PID);
        if (Props.text(config, "script") == null) {
            throw new IllegalArgumentException("vrrp_script " + name + ": missing script");
        }
        Duration interval = Props.seconds(config, "interval", Duration.ofSeconds(1));
        Duration timeout = Props.seconds(config, "timeout", interval);
        Health initial = Props.flag(config, "init_fail") ? Health.DOWN : Health.UNKNOWN;
        CheckTarget target = new CheckTarget("vrrp_script:" + name, Checker.VRRP_SCRIPT, timeout, textMap(config));
        return new CheckSpec(target, interval, interval, Props.integer(config, "fall", 1),
                Props.integer(config, "rise", 1), initial);
    }

    /**
     * A {@code vrrp_track_process} block as published under {@value #VRRP_TRACK_PROCESS_PID}: {@code name},
     * {@code process}, {@code param_match}, {@code full_command}, {@code quorum}, {@code quorum_max},
     * {@code weight}, {@code delay}, {@code terminate_delay}, {@code fork_delay}. The checker counts matching
     * processes every {@link #PROCESS_SCAN_INTERVAL}; keepalived's first count decides at once (UNKNOWN start),
     * and its delays become scan counts: the status turns only after the new count held for
     * {@code terminate_delay} (losing quorum) or {@code fork_delay} (gaining it), rounded up to whole scans.
     */
    static CheckSpec vrrpTrackProcess(Map<String, ?> config) {
        String name = name(config, VRRP_TRACK_PROCESS_PID);
        if (Props.text(config, "process") == null) {
            // keepalived: "track process '%s' process name not specified"
            throw new IllegalArgumentException("track process '" + name + "' process name not specified");
        }
        Duration delay = Props.seconds(config, "delay", Duration.ZERO);
        int fall = 1 + scans(Props.seconds(config, "terminate_delay", delay));
        int rise = 1 + scans(Props.seconds(config, "fork_delay", delay));
        CheckTarget target = new CheckTarget("vrrp_track_process:" + name, Checker.VRRP_TRACK_PROCESS,
                PROCESS_SCAN_INTERVAL, textMap(config));
        return new CheckSpec(target, PROCESS_SCAN_INTERVAL, PROCESS_SCAN_INTERVAL, fall, rise, Health.UNKNOWN);
    }

    private static String name(Map<String, ?> config, String pid) {
        String name = Props.text(config, "name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(pid + ": missing name");
        }
        return name;
    }

    private static int scans(Duration delay) {
        long interval = PROCESS_SCAN_INTERVAL.toNanos();
        return (int) ((delay.toNanos() + interval - 1) / interval);
    }

    /**
     * A real-server check as published under {@value #CHECK_PID}: {@code type} (e.g. {@code MISC_CHECK}),
     * {@code virtual_server}, {@code real_server}, {@code delay_loop} (default 60 s), a timeout from
     * {@code misc_timeout} / {@code connect_timeout} (default 5 s), {@code retry} (failures after the
     * first before DOWN, default 1, so fall = retry + 1), {@code delay_before_retry} (default 1 s),
     * {@code rise} (default 1), {@code alpha} (start DOWN; otherwise keepalived starts real servers UP),
     * and the identity {@code halo.check.id}, else the bridge's {@code halo.key}, else
     * {@code TYPE:virtual_server/real_server}.
     */
    static CheckSpec realServerCheck(Map<String, ?> config) {
        String type = Props.text(config, "type");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException(CHECK_PID + ": missing type");
        }
        String id = Props.text(config, "halo.check.id");
        if (id == null) {
            // The keepalived.conf bridge's identity (check:VS/RS/TYPE#n): unique even for two checks
            // of one type on one real server.
            id = Props.text(config, "halo.key");
        }
        if (id == null) {
            String vs = Props.text(config, "virtual_server");
            String rs = Props.text(config, "real_server");
            id = vs != null && rs != null ? type + ":" + vs + "/" + rs : Props.text(config, "service.pid");
        }
        if (id == null) {
            throw new IllegalArgumentException(CHECK_PID + ": no identity (halo.check.id or virtual_server/real_server)");
        }
        Duration interval = Props.seconds(config, "delay_loop", Duration.ofSeconds(60));
        Duration timeout = Props.seconds(config, "misc_timeout",
                Props.seconds(config, "connect_timeout", Duration.ofSeconds(5)));
        Duration retryDelay = Props.seconds(config, "delay_before_retry", Duration.ofSeconds(1));
        int retry = Props.integer(config, "retry", 1);
        Health initial = Props.flag(config, "alpha") ? Health.DOWN : Health.UP;
        CheckTarget target = new CheckTarget(id, type, timeout, textMap(config));
        return new CheckSpec(target, interval, retryDelay, Math.max(1, retry + 1),
                Props.integer(config, "rise", 1), initial);
    }

    private static Map<String, String> textMap(Map<String, ?> config) {
        Map<String, String> out = new HashMap<>();
        for (String k : config.keySet()) {
            if (!k.startsWith("component.") && !k.equals("service.pid") && !k.equals("service.factoryPid")
                    && !k.equals("felix.fileinstall.filename")) {
                out.put(k, Props.text(config, k));
            }
        }
        return out;
    }
}
