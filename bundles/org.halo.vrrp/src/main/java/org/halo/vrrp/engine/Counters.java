package org.halo.vrrp.engine;

/**
 * keepalived's per-instance statistics (the names of /tmp/keepalived.stats). Written on the loop only;
 * published through {@link InstanceSnapshot}.
 */
public record Counters(long advertRcvd, long advertSent, long becomeMaster, long releaseMaster, long packetLenErr,
        long advertIntervalErr, long ipTtlErr, long invalidTypeRcvd, long addrListErr, long invalidAuthtype,
        long authtypeMismatch, long authFailure, long priZeroRcvd, long priZeroSent) {

    /** The loop-confined mutable form. */
    static final class Mutable {
        long advertRcvd;
        long advertSent;
        long becomeMaster;
        long releaseMaster;
        long packetLenErr;
        long advertIntervalErr;
        long ipTtlErr;
        long invalidTypeRcvd;
        long addrListErr;
        long invalidAuthtype;
        long authtypeMismatch;
        long authFailure;
        long priZeroRcvd;
        long priZeroSent;

        Counters freeze() {
            return new Counters(advertRcvd, advertSent, becomeMaster, releaseMaster, packetLenErr,
                    advertIntervalErr, ipTtlErr, invalidTypeRcvd, addrListErr, invalidAuthtype, authtypeMismatch,
                    authFailure, priZeroRcvd, priZeroSent);
        }
    }
}
