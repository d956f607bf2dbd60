package org.halo.vrrp.engine;

import java.util.Locale;
import org.halo.vrrp.packet.AuthType;

/**
 * keepalived 2.2.7's consistency rules for a vrrp_instance (vrrp_complete_instance in vrrp.c), with its
 * warnings: what it clears, resets or refuses. Applied once per configure/reload.
 */
final class ConfigChecks {
    static final int PRIO_OWNER = 255;

    private ConfigChecks() {
    }

    /** @return the effective configuration, or null if keepalived would refuse the instance. */
    static InstanceConfig apply(InstanceConfig c, LogSink log) {
        String n = "(" + c.name() + ") ";
        InstanceConfig.Builder b = c.toBuilder();
        AuthType auth = c.authType();
        if (c.strict() && auth != AuthType.NONE) {
            warn(log, n + "Strict mode does not support authentication. Ignoring.");
            auth = AuthType.NONE;
        } else if (c.version() == 3 && auth != AuthType.NONE) {
            warn(log, n + "VRRP version 3 does not support authentication. Ignoring.");
            auth = AuthType.NONE;
        } else if (c.ipv6() && auth == AuthType.AH) {
            warn(log, n + "Cannot use AH authentication with IPv6 - ignoring");
            auth = AuthType.NONE;
        }
        b.auth(auth, c.authPass());
        boolean initialMaster = c.initialMaster();
        if (auth == AuthType.AH && initialMaster && c.priority() != PRIO_OWNER) {
            warn(log, n + "Initial state master is incompatible with AH authentication - clearing");
            initialMaster = false;
        }
        if (c.strict() && c.unicast()) {
            log.log(LogSink.Level.ERROR, n + "Unicast peers are not supported in strict mode");
            return null;
        }
        boolean nopreempt = c.nopreempt();
        if (c.priority() == PRIO_OWNER && nopreempt) {
            warn(log, n + "nopreempt is incompatible with priority 255 - resetting nopreempt");
            nopreempt = false;
        }
        long preemptDelay = c.preemptDelayMillis();
        if (initialMaster) {
            if (nopreempt) {
                warn(log, n + "Warning - nopreempt will not work with initial state MASTER - clearing");
                nopreempt = false;
            }
            if (preemptDelay != 0) {
                warn(log, n + "Warning - preempt delay will not work with initial state MASTER - clearing");
                preemptDelay = 0;
            }
        }
        if (preemptDelay != 0) {
            if (c.strict()) {
                warn(log, n + "preempt_delay is incompatible with strict mode - resetting");
                preemptDelay = 0;
            }
            if (nopreempt) {
                warn(log, n + "preempt_delay is incompatible with nopreempt mode - resetting");
                preemptDelay = 0;
            }
        }
        // keepalived: the address owner acts as though state MASTER had been specified
        if (c.priority() == PRIO_OWNER && !nopreempt) {
            initialMaster = true;
        }
        b.initialMaster(initialMaster).nopreempt(nopreempt).preemptDelayMillis(preemptDelay);

        boolean accept = c.accept() == null ? !c.strict() : c.accept();
        if (accept && c.priority() != PRIO_OWNER && c.strict() && c.version() == 2) {
            warn(log, n + "warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting");
            accept = false;
        }
        b.accept(accept);

        GarpConfig g = c.garp();
        if (c.strict()) {
            if (g.lowerPrioRepeat() != 0 && g.lowerPrioRepeat() != GarpConfig.DEFAULT.lowerPrioRepeat()) {
                warn(log, n + "Strict mode requires no repeat garps - resetting");
            }
            if (g.lowerPrioDelayMillis() != 0
                    && g.lowerPrioDelayMillis() != GarpConfig.DEFAULT.lowerPrioDelayMillis()) {
                warn(log, n + "Strict mode requires no repeat garp delay - resetting");
            }
            g = g.withLowerPrio(0, 0);
        }
        b.garp(g);
        boolean lowerNoAdvert;
        if (c.lowerPrioNoAdvert() == null) {
            lowerNoAdvert = c.strict();
        } else {
            lowerNoAdvert = c.lowerPrioNoAdvert();
            if (c.strict() && !lowerNoAdvert) {
                warn(log, n + "Strict mode requires no lower priority advert - resetting");
                lowerNoAdvert = true;
            }
        }
        b.lowerPrioNoAdvert(lowerNoAdvert);
        boolean higherSend = c.higherPrioSendAdvert() != null && c.higherPrioSendAdvert();
        if (c.strict() && higherSend) {
            warn(log, n + "strict mode requires higher_prio_send_advert to be clear - resetting");
            higherSend = false;
        }
        b.higherPrioSendAdvert(higherSend);

        long adv = c.advertIntervalMillis() <= 0 ? 1000 : c.advertIntervalMillis();
        if (c.version() == 2) {
            if (adv >= 256_000) {
                warn(log, n + String.format(Locale.ROOT,
                        "VRRPv2 advertisement interval %.2fs is out of range. Must be less than %ds. Setting to %ds",
                        adv / 1000.0, 256, 255));
                adv = 255_000;
            } else if (adv % 1000 != 0) {
                warn(log, n + String.format(Locale.ROOT,
                        "VRRPv2 advertisement interval %fs must be an integer - rounding", adv / 1000.0));
                adv = (adv + 500) / 1000 * 1000;
                if (adv == 0) {
                    adv = 1000;
                }
            }
        } else {
            if (adv >= 40_960) {
                warn(log, n + String.format(Locale.ROOT,
                        "VRRPv3 advertisement interval %.2fs is out of range. Must be less than %.2fs. Setting to %.2fs",
                        adv / 1000.0, 40.96, 40.95));
                adv = 40_950;
            } else if (adv % 10 != 0) {
                warn(log, n + String.format(Locale.ROOT,
                        "VRRPv3 advertisement interval %fs must be in units of 10ms - rounding", adv / 1000.0));
                adv = (adv + 5) / 10 * 10;
                if (adv == 0) {
                    adv = 10;
                }
            }
        }
        b.advertIntervalMillis(adv);
        return b.build();
    }

    private static void warn(LogSink log, String msg) {
        log.log(LogSink.Level.WARNING, msg);
    }
}
