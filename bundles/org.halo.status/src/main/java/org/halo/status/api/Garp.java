package org.halo.status.api;

/** Gratuitous ARP timing of an instance (seconds / counts), keepalived's garp_* settings. */
public record Garp(int delay, int repeat, int refresh, int refreshRepeat, int lowerPrioDelay, int lowerPrioRepeat) {
    /** keepalived's defaults: vrrp_garp_master_delay 5, repeat 5, refresh 0, refresh_repeat 1, lower prio 5/5. */
    public static final Garp DEFAULTS = new Garp(5, 5, 0, 1, 5, 5);
}
