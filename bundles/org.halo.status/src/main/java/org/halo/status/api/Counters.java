package org.halo.status.api;

/** Per-instance counters; the names are keepalived's (vrrp_stats in vrrp.h). */
public record Counters(long advertRcvd, long advertSent, long becomeMaster, long releaseMaster, long packetLenErr,
        long advertIntervalErr, long ipTtlErr, long invalidTypeRcvd, long addrListErr, long invalidAuthtype,
        long authtypeMismatch, long authFailure, long priZeroRcvd, long priZeroSent) {
    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
