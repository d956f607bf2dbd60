package org.halo.linux.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An interface address, as a keepalived virtual_ipaddress line describes it:
 * {@code <address>/<prefix> brd <broadcast> dev <device> scope <scope> label <label> [no_dad]}.
 *
 * @param address the address
 * @param prefixLength prefix length (keepalived's default is 32 for IPv4, 128 for IPv6)
 * @param device interface name
 * @param broadcast IPv4 broadcast address, null for none
 * @param scope scope
 * @param label IPv4 label (must start with the device name, as the kernel requires), null for none
 * @param noDad IFA_F_NODAD for IPv6 (keepalived sets it on every IPv6 VIP unless told otherwise)
 */
public record Address(InetAddress address, int prefixLength, String device, InetAddress broadcast,
        AddressScope scope, String label, boolean noDad) {
    public Address {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(device, "device");
        scope = scope == null ? AddressScope.GLOBAL : scope;
        int max = address instanceof Inet6Address ? 128 : 32;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + address);
        }
    }

    /** A VIP as keepalived adds it by default: host prefix, global scope, nodad for IPv6. */
    public static Address vip(InetAddress address, String device) {
        boolean v6 = address instanceof Inet6Address;
        return new Address(address, v6 ? 128 : 32, device, null, AddressScope.GLOBAL, null, v6);
    }

    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** Same address, prefix and device: what the kernel uses to identify an address. */
    public boolean sameAs(Address other) {
        return address.equals(other.address) && prefixLength == other.prefixLength
                && device.equals(other.device);
    }
}
