package org.halo.api.vrrp;

/**
 * Per-instance counters, the same set keepalived writes to {@code /tmp/keepalived.stats}.
 */
public record VrrpCounters(long advertReceived, long advertSent, long becomeMaster, long releaseMaster,
        long packetLengthErrors, long ipTtlErrors, long invalidTypeReceived, long addressListErrors,
        long invalidAuthType, long authTypeMismatch, long authFailure, long priorityZeroReceived,
        long priorityZeroSent) {

    /** All zero. */
    public static final VrrpCounters ZERO = new VrrpCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
