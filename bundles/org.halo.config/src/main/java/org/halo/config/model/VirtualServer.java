package org.halo.config.model;

import java.time.Duration;
import java.util.List;

/**
 * virtual_server: {@code kind} is "ip" (address + port), "fwmark" (address holds the mark) or "group" (address
 * holds the virtual_server_group name).
 */
public record VirtualServer(String kind, String address, Integer port, Source source, Duration delayLoop, String lvsSched,
                            String lvsMethod, String protocol, Integer persistenceTimeout, String persistenceGranularity,
                            int quorum, int hysteresis, boolean alpha, boolean omega, String quorumUp, String quorumDown,
                            String sorryServer, Integer sorryServerPort, String virtualhost, List<RealServer> realServers,
                            Options options) {
    public VirtualServer {
        realServers = List.copyOf(realServers);
    }

    /** A stable identity: "ip:port/proto", "fwmark:N" or "group:NAME". */
    public String id() {
        switch (kind) {
            case "fwmark":
                return "fwmark:" + address;
            case "group":
                return "group:" + address;
            default:
                return address + ":" + port + "/" + (protocol == null ? "TCP" : protocol);
        }
    }
}
