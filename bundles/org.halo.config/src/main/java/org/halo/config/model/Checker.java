package org.halo.config.model;

import java.util.List;
import java.util.Map;

/**
 * A health checker block of a real_server, parsed generically: its type (HTTP_GET, TCP_CHECK, MISC_CHECK, a plug-in
 * type, ...), every keyword as a property (keyword -> words of its last occurrence) and its sub-blocks in order
 * (e.g. each {@code url { ... }} of HTTP_GET), so a plug-in checker needs no parser change.
 */
public record Checker(String type, Source source, Map<String, List<String>> properties, List<Checker> blocks) {
    public Checker {
        properties = Map.copyOf(properties);
        blocks = List.copyOf(blocks);
    }

    public String property(String key) {
        List<String> v = properties.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
