package org.halo.vrrp.engine;

/**
 * keepalived's gratuitous ARP / unsolicited NA schedule for one instance (defaults as keepalived 2.2.7:
 * garp_master_delay 5, garp_master_repeat 5, refresh off, refresh_repeat 1, lower_prio delay 5 / repeat 5,
 * lower_prio off in strict mode).
 */
public record GarpConfig(long masterDelayMillis, int masterRepeat, long masterRefreshMillis, int masterRefreshRepeat,
        long lowerPrioDelayMillis, int lowerPrioRepeat) {

    public static final GarpConfig DEFAULT = new GarpConfig(5000, 5, 0, 1, 5000, 5);

    public GarpConfig withLowerPrio(long delayMillis, int repeat) {
        return new GarpConfig(masterDelayMillis, masterRepeat, masterRefreshMillis, masterRefreshRepeat, delayMillis,
                repeat);
    }
}
