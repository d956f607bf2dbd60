package org.halo.vrrp.runtime.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which instances and sync groups are handed to the engine, and so listed by the dumps and
 * {@code vrrp:list}: keepalived lists them as its parser met them, so configurations the config bridge
 * published are ordered by their {@code halo.file} / {@code halo.line} properties (file, then line);
 * ConfigAdmin's own order (delivery, or a hash order after a restart) says nothing. Configurations
 * without a location (created through ConfigAdmin directly) follow, by name.
 */
public final class ConfigOrder {
    static final String FILE = "halo.file";
    static final String LINE = "halo.line";

    private static final Comparator<Map<String, Object>> ORDER = Comparator
            .comparing((Map<String, Object> p) -> p.get(FILE) == null)
            .thenComparing(p -> String.valueOf(p.getOrDefault(FILE, "")))
            .thenComparingLong(ConfigOrder::line)
            .thenComparing(p -> String.valueOf(p.get("name")));

    private ConfigOrder() {
    }

    public static List<Map<String, Object>> sorted(Collection<Map<String, Object>> configurations) {
        return configurations.stream().sorted(ORDER).toList();
    }

    /** halo.line as the bridge writes it (an Integer), or as text from a .cfg file; unknown lines last. */
    private static long line(Map<String, Object> p) {
        Object v = p.get(LINE);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v == null ? Long.MAX_VALUE : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
