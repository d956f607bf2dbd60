package org.halo.vrrp.engine;

import java.util.Objects;

/**
 * One tracked object of an instance or sync group (track_interface, track_script, track_file,
 * track_process). Fall/rise and the checking itself are the host's job: the engine receives status changes
 * through {@link VrrpEngine#trackStatus} or values through {@link VrrpEngine#trackValue} (files).
 *
 * @param kind what is tracked
 * @param name the tracked object's name (interface name, vrrp_script name, file name, process name)
 * @param weight 0 = failure puts the instance in FAULT; otherwise keepalived's weight rule (positive: added
 *        while up; negative: added while down; files: value x weight, clamped to -254..253, -254 = FAULT)
 * @param reverse keepalived's {@code reverse}: the weight is negated (weight 0: FAULT while up, or while a
 *        file's value is 0)
 */
public record TrackConfig(Kind kind, String name, int weight, boolean reverse) {
    public enum Kind {
        INTERFACE, SCRIPT, FILE, PROCESS
    }

    public TrackConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (weight < -254 || weight > 254) {
            throw new IllegalArgumentException("weight must be in -254..254: " + weight);
        }
    }
}
