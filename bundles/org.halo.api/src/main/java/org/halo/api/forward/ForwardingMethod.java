package org.halo.api.forward;

/** keepalived {@code lb_kind}. */
public enum ForwardingMethod {
    /** Direct routing. */
    DR,
    /** Masquerading. */
    NAT,
    /** IP-in-IP tunnelling. */
    TUN
}
