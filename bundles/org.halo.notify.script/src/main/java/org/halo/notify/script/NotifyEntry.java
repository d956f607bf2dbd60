package org.halo.notify.script;

import java.util.Map;
import java.util.Objects;

/**
 * The notify keywords of one {@code vrrp_instance}, {@code vrrp_sync_group}, {@code real_server} or
 * {@code virtual_server}, as published under factory PID {@value #PID}.
 *
 * <p>Keys: {@code scope} ({@code INSTANCE}, {@code GROUP}, {@code RS}, {@code VS}); {@code name}
 * (instance/group name; for RS/VS the {@code virtual_server} and, for RS, {@code real_server} as
 * keepalived prints them); scripts {@code notify}, {@code notify_master}, {@code notify_backup},
 * {@code notify_fault}, {@code notify_stop}, {@code notify_deleted} (INSTANCE/GROUP),
 * {@code notify_up}, {@code notify_down} (RS), {@code quorum_up}, {@code quorum_down} (VS).
 */
record NotifyEntry(String scope, String key, Map<String, String> scripts) {

    static final String PID = "org.halo.notify.script";

    NotifyEntry {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(key);
        scripts = Map.copyOf(scripts);
    }

    static NotifyEntry from(Map<String, ?> config) {
        Object rawScope = config.get("scope");
        String scope = (rawScope == null ? "INSTANCE" : String.valueOf(rawScope)).toUpperCase();
        String key = switch (scope) {
            case "INSTANCE", "GROUP" -> required(config, "name");
            case "RS" -> rsKey(required(config, "virtual_server"), required(config, "real_server"));
            case "VS" -> required(config, "virtual_server");
            default -> throw new IllegalArgumentException(PID + ": unknown scope " + scope);
        };
        Map<String, String> scripts = new java.util.HashMap<>();
        for (String k : new String[] {"notify", "notify_master", "notify_backup", "notify_fault", "notify_stop",
            "notify_deleted", "notify_up", "notify_down", "quorum_up", "quorum_down", "user"}) {
            Object v = config.get(k);
            if (v != null) {
                scripts.put(k, String.valueOf(v));
            }
        }
        return new NotifyEntry(scope, key, scripts);
    }

    /**
     * Like {@link #from} for blocks that may lack the identity keys (the bridge publishes every block,
     * with or without notify keywords): such a block yields an entry that matches no event.
     */
    static NotifyEntry lenient(Map<String, ?> config) {
        try {
            return from(config);
        } catch (IllegalArgumentException e) {
            return new NotifyEntry(String.valueOf(config.get("scope")), "", Map.of());
        }
    }

    static String rsKey(String vs, String rs) {
        return vs + " " + rs;
    }

    private static String required(Map<String, ?> config, String k) {
        Object v = config.get(k);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(PID + ": missing " + k);
        }
        return String.valueOf(v);
    }
}
