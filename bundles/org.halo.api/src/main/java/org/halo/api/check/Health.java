package org.halo.api.check;

/** Health of a checked target after fall/rise. */
public enum Health {
    /**
     * No result yet: keepalived's vrrp_script init state, where the counter starts at {@code rise - 1}
     * so that the first result decides at once (one success is enough, one failure is enough).
     */
    UNKNOWN,
    /** Healthy: {@code rise} consecutive successes (or the first result after start). */
    UP,
    /** Unhealthy: {@code fall} consecutive failures or timeouts. */
    DOWN
}
