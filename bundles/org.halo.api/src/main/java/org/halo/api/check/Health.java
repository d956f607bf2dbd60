package org.halo.api.check;

/** Health of a checked target after fall/rise. */
public enum Health {
    /** No result yet (keepalived's script "init" state; counted as up by VRRP tracking unless {@code init_fail}). */
    UNKNOWN,
    /** Healthy: {@code rise} consecutive successes (or the first result after start). */
    UP,
    /** Unhealthy: {@code fall} consecutive failures or timeouts. */
    DOWN
}
