package org.halo.config.model;

import java.util.List;

/** real_server IP PORT { ... } with its checkers. */
public record RealServer(String address, Integer port, Source source, int weight, String lvsMethod, boolean inhibitOnFailure,
                         String notifyUp, String notifyDown, List<Checker> checkers, Options options) {
    public RealServer {
        checkers = List.copyOf(checkers);
    }
}
