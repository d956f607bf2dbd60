package org.halo.vrrp.engine;

import java.util.List;
import java.util.Locale;

/**
 * keepalived's tracking arithmetic (vrrp_track.c): the priority offset of the weighted tracked objects and
 * the first reason for FAULT, from the engine's link, track and file tables.
 */
final class Tracking {
    /**
     * @param offset sum of the applicable weights
     * @param fault first fault reason, or null
     * @param faults keepalived's num_script_if_fault: failed weight-0 objects, the own interface included
     * @param init keepalived's num_script_init: weight-0 scripts the host has not reported on yet (the engine
     *        treats them as up meanwhile; keepalived holds the instance in FAULT until they report)
     */
    record Result(int offset, String fault, int faults, int init) {
    }

    /** A track_file status at or below this puts the instance in FAULT (keepalived: "less than -253"). */
    static final int FILE_FAULT = -254;

    private Tracking() {
    }

    /**
     * keepalived 2.2.7 track_file.c: weight 0 means FAULT while the value is non-zero (zero with reverse);
     * otherwise value x weight (negated by reverse), clamped to -254..253, where -254 means FAULT.
     */
    static int fileStatus(long value, TrackConfig t) {
        if (t.weight() == 0) {
            return (value != 0) != t.reverse() ? FILE_FAULT : 0;
        }
        long status = value * t.weight() * (t.reverse() ? -1 : 1);
        return (int) Math.max(FILE_FAULT, Math.min(253, status));
    }

    static Result evaluate(VrrpEngine engine, InstanceConfig cfg, List<TrackConfig> tracks) {
        int offset = 0;
        String fault = null;
        int faults = 0;
        int init = 0;
        if (!cfg.dontTrackPrimary() && !engine.linkUp(cfg.interfaceName())) {
            fault = "interface " + cfg.interfaceName() + " down";
            faults++;
        }
        for (TrackConfig t : tracks) {
            if (t.kind() == TrackConfig.Kind.FILE) {
                int status = fileStatus(engine.fileValue(t.name()), t);
                if (status == FILE_FAULT) {
                    faults++;
                    if (fault == null) {
                        fault = "track file " + t.name();
                    }
                } else {
                    offset += status;
                }
                continue;
            }
            boolean up = t.kind() == TrackConfig.Kind.INTERFACE ? engine.linkUp(t.name())
                    : engine.trackUp(t.kind(), t.name());
            if (t.weight() == 0) {
                boolean noResult = t.kind() == TrackConfig.Kind.SCRIPT && !engine.trackKnown(t.kind(), t.name());
                if (noResult) {
                    init++;
                }
                // weight 0 reverse: FAULT while the object is up (keepalived 2.2.7, checked on the wire)
                if (up == t.reverse()) {
                    faults += noResult ? 0 : 1;
                    fault = fault == null ? "track " + t.kind().name().toLowerCase(Locale.ROOT) + " " + t.name() + " down" : fault;
                }
                continue;
            }
            // reverse negates the weight; when it applies still follows the configured sign (keepalived
            // 2.2.7: "weight 7 reverse" gives -7 while up, "weight -10 reverse" +10 while down)
            int applied = t.reverse() ? -t.weight() : t.weight();
            if (t.weight() > 0 && up) {
                offset += applied;
            } else if (t.weight() < 0 && !up) {
                offset += applied;
            }
        }
        return new Result(offset, fault, faults, init);
    }
}
