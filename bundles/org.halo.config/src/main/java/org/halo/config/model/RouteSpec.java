package org.halo.config.model;

import java.util.List;

/** One line of virtual_routes / static_routes / virtual_rules / static_rules, with its words in order. */
public record RouteSpec(List<String> words, Source source) {
    public RouteSpec {
        words = List.copyOf(words);
    }

    /** The value after {@code key} (e.g. "dev", "via", "table"), or null. */
    public String get(String key) {
        int i = words.indexOf(key);
        return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : null;
    }
}
