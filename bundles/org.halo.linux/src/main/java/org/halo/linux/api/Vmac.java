package org.halo.linux.api;

/** Naming and sysctl policy for keepalived's use_vmac interfaces. */
public final class Vmac {
    private Vmac() {
    }

    /** keepalived's default VMAC interface name: {@code vrrp.<VRID>} (IPv4) / {@code vrrp6.<VRID>}. */
    public static String defaultName(int vrid, boolean ipv6) {
        return (ipv6 ? "vrrp6." : "vrrp.") + vrid;
    }
}
