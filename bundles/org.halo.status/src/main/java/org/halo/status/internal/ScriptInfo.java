package org.halo.status.internal;

import java.util.Map;
import java.util.Optional;

import org.halo.api.check.CheckStatus;
import org.halo.api.check.Health;

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
 * @param status   keepalived's words: GOOD, BAD or INIT (no result yet)
 */
record ScriptInfo(String name, String command, long interval, long timeout, int weight, int rise, int fall, String status) {
    static final String PREFIX = "vrrp_script:";

    static Optional<ScriptInfo> of(CheckStatus s) {
        if (!s.id().startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> p = s.target().properties();
        String status = s.health() == Health.UP ? "GOOD" : s.health() == Health.DOWN ? "BAD" : "INIT";
        return Optional.of(new ScriptInfo(s.id().substring(PREFIX.length()), p.getOrDefault("script", ""), whole(p.get("interval"), 1),
                whole(p.get("timeout"), 0), (int) whole(p.get("weight"), 0), (int) whole(p.get("rise"), 1), (int) whole(p.get("fall"), 1),
                status));
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
