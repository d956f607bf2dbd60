package org.halo.api.forward;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A virtual service and its real servers.
 *
 * @param protocol          {@code TCP}, {@code UDP} or {@code SCTP}
 * @param address           virtual IP, or {@code null} for a fwmark service
 * @param port              virtual port
 * @param fwmark            firewall mark, 0 if addressed by IP/port
 * @param scheduler         {@code lb_algo}, e.g. {@code rr}, {@code wlc}
 * @param persistenceSeconds {@code persistence_timeout}, 0 for none
 * @param realServers       real servers; immutable
 * @param options           further keepalived keywords; immutable
 */
public record VirtualService(String protocol, String address, int port, int fwmark, String scheduler,
        int persistenceSeconds, List<RealServer> realServers, Map<String, String> options) {

    public VirtualService {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheduler, "scheduler");
        realServers = List.copyOf(realServers);
        options = Map.copyOf(options);
    }

    /** keepalived's way of printing the service: {@code 10.0.0.1:80} or {@code FWM 7}. */
    public String key() {
        if (fwmark != 0) {
            return "FWM " + fwmark;
        }
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
