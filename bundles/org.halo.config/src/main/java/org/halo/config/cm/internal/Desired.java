package org.halo.config.cm.internal;


import java.util.Map;

/** A configuration the bridge wants to exist: factory PID (or singleton PID), identity and properties. */
public record Desired(String pid, boolean factory, String key, Map<String, Object> properties) {
    public Desired {
        properties = Map.copyOf(properties);
    }
}
