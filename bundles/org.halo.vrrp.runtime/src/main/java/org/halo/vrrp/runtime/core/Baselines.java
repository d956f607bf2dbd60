package org.halo.vrrp.runtime.core;

import org.halo.status.api.Counters;
import org.halo.status.api.InstanceStatus;

/** keepalived's stats-clear: counters are shown relative to the values at the last clear. */
final class Baselines {
    private Baselines() {
    }

    static Counters add(Counters a, Counters b) {
        if (b == null) {
            return a;
        }
        return new Counters(a.advertRcvd() + b.advertRcvd(), a.advertSent() + b.advertSent(), a.becomeMaster() + b.becomeMaster(),
                a.releaseMaster() + b.releaseMaster(), a.packetLenErr() + b.packetLenErr(), a.advertIntervalErr() + b.advertIntervalErr(),
                a.ipTtlErr() + b.ipTtlErr(), a.invalidTypeRcvd() + b.invalidTypeRcvd(), a.addrListErr() + b.addrListErr(),
                a.invalidAuthtype() + b.invalidAuthtype(), a.authtypeMismatch() + b.authtypeMismatch(), a.authFailure() + b.authFailure(),
                a.priZeroRcvd() + b.priZeroRcvd(), a.priZeroSent() + b.priZeroSent());
    }

    static InstanceStatus subtract(InstanceStatus s, Counters base) {
        if (base == null) {
            return s;
        }
        Counters a = s.counters();
        Counters c = new Counters(a.advertRcvd() - base.advertRcvd(), a.advertSent() - base.advertSent(), a.becomeMaster() - base.becomeMaster(),
                a.releaseMaster() - base.releaseMaster(), a.packetLenErr() - base.packetLenErr(), a.advertIntervalErr() - base.advertIntervalErr(),
                a.ipTtlErr() - base.ipTtlErr(), a.invalidTypeRcvd() - base.invalidTypeRcvd(), a.addrListErr() - base.addrListErr(),
                a.invalidAuthtype() - base.invalidAuthtype(), a.authtypeMismatch() - base.authtypeMismatch(), a.authFailure() - base.authFailure(),
                a.priZeroRcvd() - base.priZeroRcvd(), a.priZeroSent() - base.priZeroSent());
        return s.withCounters(c);
    }
}
