package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A virtual (or excluded virtual) address of an instance.
 *
 * @param address the address
 * @param prefixLength prefix length (32/128 if none configured)
 * @param device interface to put it on; null = the instance's interface
 * @param options the rest of keepalived's address line (brd, label, scope, ...), passed through verbatim
 */
public record VirtualAddress(InetAddress address, int prefixLength, String device, String options) {
    public VirtualAddress {
        Objects.requireNonNull(address, "address");
        options = options == null ? "" : options;
    }

    public static VirtualAddress of(InetAddress address, int prefixLength) {
        return new VirtualAddress(address, prefixLength, null, "");
    }

    public boolean ipv6() {
        return address.getAddress().length == 16;
    }
}
