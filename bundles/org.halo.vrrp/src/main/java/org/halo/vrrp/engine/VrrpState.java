package org.halo.vrrp.engine;

/** Instance states, as keepalived names them. */
public enum VrrpState {
    INIT, BACKUP, MASTER, FAULT, STOP
}
