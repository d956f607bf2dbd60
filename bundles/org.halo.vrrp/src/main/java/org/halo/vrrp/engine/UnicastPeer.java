package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A unicast_peer entry; {@code min_ttl}/{@code max_ttl} bound the accepted TTL/hop limit (keepalived
 * defaults 0..255).
 */
public record UnicastPeer(InetAddress address, int minTtl, int maxTtl) {
    public UnicastPeer {
        Objects.requireNonNull(address, "address");
    }

    public static UnicastPeer of(InetAddress address) {
        return new UnicastPeer(address, 0, 255);
    }
}
