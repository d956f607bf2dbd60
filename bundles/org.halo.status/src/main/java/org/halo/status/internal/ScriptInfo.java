package org.halo.status.internal;

import java.util.Map;
import java.util.Optional;

import org.halo.api.check.CheckStatus;

/**
 * A vrrp_script as keepalived's "VRRP Scripts" section shows it, from the plug-in host's check status
 * (id {@code vrrp_script:NAME}, properties as configured).
 *
 * @param name     script name
 * @param command  the script line as configured
 * @param interval interval, seconds
 * @param timeout  timeout as configured, seconds (keepalived prints 0 when none is configured)
 * @param weight   the script's weight
 * @param rise     rise
 * @param fall     fall
 * @param result   keepalived's result counter (vrrp_script_child_thread): 0..rise+fall-1, GOOD from rise on
 * @param initState keepalived's "Init state": {@code INIT} before the first result, {@code unknown} after it
 *                 (2.2.7 prints the finished init state so)
 * @param status   keepalived's words: GOOD when {@code result >= rise}, else BAD (also while in INIT)
 */
record ScriptInfo(String name, String command, long interval, long timeout, int weight, int rise, int fall, int result, String initState,
        String status) {
    static final String PREFIX = "vrrp_script:";

    /**
     * keepalived's counter from the host's health and the run of equal results (keepalived 2.2.7, checked
     * with /bin/true, /bin/false and a script that never returns): before the first result rise - 1; UP counts
     * down from rise + fall - 1 by each failure in a row; DOWN counts up from 0 by each success in a row.
     */
    static int result(CheckStatus s, int rise, int fall) {
        boolean lastOk = s.lastResult() != null && s.lastResult().isSuccess();
        return switch (s.health()) {
            case UNKNOWN -> rise - 1;
            case UP -> rise + fall - 1 - (lastOk ? 0 : Math.min(fall - 1, s.inARow()));
            case DOWN -> s.lastResult() == null ? rise - 1 : lastOk ? Math.min(rise - 1, s.inARow()) : 0;
        };
    }

    static Optional<ScriptInfo> of(CheckStatus s) {
        if (!s.id().startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> p = s.target().properties();
        int rise = (int) whole(p.get("rise"), 1);
        int fall = (int) whole(p.get("fall"), 1);
        int result = result(s, rise, fall);
        // init_fail starts DOWN in the host, but keepalived 2.2.7 still shows it as INIT until a result comes
        String init = s.lastResult() == null ? "INIT" : "unknown";
        return Optional.of(new ScriptInfo(s.id().substring(PREFIX.length()), p.getOrDefault("script", ""), whole(p.get("interval"), 1),
                whole(p.get("timeout"), 0), (int) whole(p.get("weight"), 0), rise, fall, result, init, result >= rise ? "GOOD" : "BAD"));
    }

    /** A configured number as keepalived prints it: whole units ("Interval = 1 sec" for 1.5). */
    private static long whole(String v, long dflt) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return (long) Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
