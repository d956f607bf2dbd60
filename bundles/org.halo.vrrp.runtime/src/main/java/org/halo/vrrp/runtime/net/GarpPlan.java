package org.halo.vrrp.runtime.net;

/**
 * keepalived's gratuitous ARP / unsolicited NA timing for one instance (global_defs
 * vrrp_garp_master_delay, vrrp_garp_master_repeat, vrrp_garp_master_refresh,
 * vrrp_garp_master_refresh_repeat, vrrp_garp_interval / vrrp_gna_interval).
 *
 * @param repeat          announcements per VIP in the burst on becoming MASTER (default 5)
 * @param delaySeconds    delay of the second burst after becoming MASTER (default 5, 0 = none)
 * @param refreshSeconds  period of refresh bursts while MASTER (default 0 = none)
 * @param refreshRepeat   announcements per VIP in a refresh burst (default 1)
 * @param intervalMillis  gap between two announcements of a burst (default 0 = back to back)
 */
public record GarpPlan(int repeat, int delaySeconds, int refreshSeconds, int refreshRepeat, long intervalMillis) {
    public static final GarpPlan KEEPALIVED_DEFAULTS = new GarpPlan(5, 5, 0, 1, 0);
}
