package org.halo.vrrp.runtime.net;

import java.util.Objects;

/**
 * keepalived's use_vmac for one instance: the macvlan {@code name} on {@code parent} with MAC
 * 00:00:5e:00:01:VRID (00:00:5e:00:02:VRID for IPv6).
 *
 * @param instance    instance name
 * @param name        the VMAC interface ({@code use_vmac NAME}, default vrrp.VRID); the instance's interface in the engine
 * @param parent      the configured {@code interface}
 * @param vrid        virtual_router_id
 * @param ipv6        address family of the instance
 * @param xmitBase    {@code vmac_xmit_base}: adverts are sent and received on the parent, only the VIPs and
 *                    their GARP/NA use the VMAC
 * @param useVmacAddr {@code use_vmac_addr}: GARP/NA for VIPs on other interfaces also carry the VMAC
 */
public record VmacSpec(String instance, String name, String parent, int vrid, boolean ipv6, boolean xmitBase, boolean useVmacAddr) {
    public VmacSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parent, "parent");
    }

    /** The device VRRP adverts go through: the VMAC, or the parent with vmac_xmit_base. */
    public String advertDevice() {
        return xmitBase ? parent : name;
    }
}
