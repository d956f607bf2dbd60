package org.halo.systest.lab;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds lines in which a VRRP daemon complains about a peer's packets. The phrases are keepalived
 * 2.2.7's (vrrp.c: vrrp_check_packet and friends); Halo logs the same messages by design. A backup
 * "received lower priority advert ... discarding" while it preempts is normal and not a complaint.
 */
public final class LogCheck {
    private static final List<String> COMPLAINTS = List.of("invalid ttl", "invalid passwd", "auth_type mismatch", "bad checksum",
            "invalid checksum", "ip address associated with vrid", "not present in master advert", "advertisement interval mismatch",
            "received an invalid", "bogus vrrp packet", "ip_id", "wrong", "invalid version", "invalid type", "packet too short",
            "too small", "unknown auth", "incompatible", "malformed", "truncated", "invalid", "exception");

    private LogCheck() {
    }

    /** Lines of the log that look like a complaint about received packets. */
    public static List<String> complaints(String log) {
        return log.lines().filter(l -> {
            String s = l.toLowerCase(Locale.ROOT);
            return COMPLAINTS.stream().anyMatch(s::contains);
        }).collect(Collectors.toList());
    }

    /** Transition lines: keepalived's "(VI_1) Entering MASTER STATE" and friends. */
    public static long transitions(String log, String state) {
        return log.lines().filter(l -> l.contains("Entering " + state + " STATE")).count();
    }
}
