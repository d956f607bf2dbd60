package org.halo.api.check;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to probe, as configured: an identity, the keepalived check type, the probe timeout and the
 * type-specific properties exactly as configured (keepalived keywords as keys, e.g. {@code misc_path},
 * {@code misc_timeout}, {@code script}, {@code connect_ip}, {@code connect_port}).
 *
 * @param id         stable identity of the target, unique across all checks (e.g. the ConfigAdmin PID
 *                   or {@code vrrp_script:chk_haproxy})
 * @param type       keepalived check type, matched against {@link Checker#TYPE}
 * @param timeout    how long one probe may take before it counts as a timeout
 * @param properties type-specific properties; immutable
 */
public record CheckTarget(String id, String type, Duration timeout, Map<String, String> properties) {

    public CheckTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeout, "timeout");
        properties = Map.copyOf(properties);
    }

    /** A property, if configured. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** A property or {@code fallback}. */
    public String property(String key, String fallback) {
        return properties.getOrDefault(key, fallback);
    }
}
