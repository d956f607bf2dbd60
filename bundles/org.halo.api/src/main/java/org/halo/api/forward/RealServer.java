package org.halo.api.forward;

import java.util.Map;
import java.util.Objects;

/**
 * A real server as it should be (or is) in the data plane. A server that is down after its checks is
 * either absent or present with weight 0 ({@code inhibit_on_failure}).
 *
 * @param address IP address
 * @param port    port, 0 for fwmark services without port
 * @param weight  weight, 0 = no new connections
 * @param method  forwarding method
 * @param options further keepalived keywords (e.g. {@code uthreshold}); immutable
 */
public record RealServer(String address, int port, int weight, ForwardingMethod method,
        Map<String, String> options) {

    public RealServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(method, "method");
        options = Map.copyOf(options);
    }
}
