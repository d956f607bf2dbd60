package org.halo.linux.api;

/** Naming for keepalived's use_vmac interfaces. */
public final class Vmac {
    private Vmac() {
    }

    /**
     * keepalived 2.2.7's default VMAC interface name when use_vmac gives none: {@code vrrp.<VRID>},
     * for IPv4 and IPv6 instances alike (observed: an IPv6 instance with VRID 52 gets vrrp.52).
     */
    public static String defaultName(int vrid) {
        return "vrrp." + vrid;
    }
}
