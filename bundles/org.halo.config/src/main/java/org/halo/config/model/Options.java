package org.halo.config.model;

import java.util.List;
import java.util.Map;

/** Raw keyword -> words of its last occurrence, for keywords a record has no typed field for. */
public record Options(Map<String, List<String>> values) {
    public Options {
        values = Map.copyOf(values);
    }

    public static Options empty() {
        return new Options(Map.of());
    }

    public String first(String keyword) {
        List<String> v = values.get(keyword);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public boolean has(String keyword) {
        return values.containsKey(keyword);
    }
}
