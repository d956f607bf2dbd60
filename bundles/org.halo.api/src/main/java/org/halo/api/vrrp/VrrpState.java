package org.halo.api.vrrp;

/** VRRP instance/group states, named as keepalived names them in notify arguments and logs. */
public enum VrrpState {
    /** Starting up, no decision yet. */
    INIT,
    /** Backup (RFC 5798 section 6.4.2). */
    BACKUP,
    /** Master (RFC 5798 section 6.4.3). */
    MASTER,
    /** Fault: a tracked interface/script/object is down. */
    FAULT,
    /** Stopped (daemon shutting down). */
    STOP,
    /** Instance removed by a reload; only ever seen in notifications. */
    DELETED
}
