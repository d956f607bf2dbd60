package org.halo.vrrp.runtime.core;

import java.util.function.BiFunction;

import org.halo.vrrp.engine.TrackConfig;

/**
 * A tracked object's own weight, used when a track_script / track_file / track_process entry gives none
 * (keepalived: the vrrp_script's, track_file's or vrrp_track_process's {@code weight W [reverse]}).
 */
public record TrackDefault(int weight, boolean reverse) {

    /** Looks up the default of a tracked object by kind and name; {@code null} when unknown. */
    @FunctionalInterface
    public interface Lookup extends BiFunction<TrackConfig.Kind, String, TrackDefault> {
        Lookup NONE = (kind, name) -> null;
    }

    /** keepalived's defaults when the object itself sets no weight: track_file 1, everything else 0. */
    static TrackDefault unset(TrackConfig.Kind kind) {
        return new TrackDefault(kind == TrackConfig.Kind.FILE ? 1 : 0, false);
    }

    /** The block's {@code weight} property, "W" or "W reverse"; {@code fallback} when absent. */
    public static TrackDefault parse(Object weightProperty, int fallback) {
        if (weightProperty == null || String.valueOf(weightProperty).isBlank()) {
            return new TrackDefault(fallback, false);
        }
        String[] w = String.valueOf(weightProperty).trim().split("\\s+");
        return new TrackDefault(Integer.parseInt(w[0]), w.length > 1 && w[1].equals("reverse"));
    }
}
