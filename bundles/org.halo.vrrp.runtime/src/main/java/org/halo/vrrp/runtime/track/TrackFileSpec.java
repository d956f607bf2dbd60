package org.halo.vrrp.runtime.track;

import java.nio.file.Path;
import java.util.Map;

import org.halo.vrrp.runtime.core.TrackDefault;

/**
 * One track_file (or vrrp_track_file) block as published under {@value #PID}: {@code name}, {@code file},
 * {@code weight W [reverse]} (default 1) and {@code init_file [VALUE] [overwrite]}.
 *
 * @param init {@code null} without init_file
 */
public record TrackFileSpec(String name, Path file, TrackDefault weight, Init init) {
    /** Factory PID of track_file configurations (the config bridge's Pids.TRACK_FILE). */
    public static final String PID = "org.halo.vrrp.trackfile";

    /** init_file: VALUE (default 0) written at start if the file is missing, or always with overwrite. */
    public record Init(long value, boolean overwrite) {
    }

    public static TrackFileSpec from(Map<String, ?> p) {
        Object name = p.get("name");
        Object file = p.get("file");
        if (name == null) {
            throw new IllegalArgumentException("track_file without name");
        }
        if (file == null || String.valueOf(file).isBlank()) {
            // keepalived: "No file set for track_file %s - ignoring"
            throw new IllegalArgumentException("No file set for track_file " + name + " - ignoring");
        }
        return new TrackFileSpec(String.valueOf(name), Path.of(String.valueOf(file).trim()),
                TrackDefault.parse(p.get("weight"), 1), init(p.get("init_file")));
    }

    /** "true" for a bare init_file, else its words: a number and/or "overwrite". */
    private static Init init(Object value) {
        if (value == null) {
            return null;
        }
        long v = 0;
        boolean overwrite = false;
        for (String w : String.valueOf(value).trim().split("\\s+")) {
            if (w.equals("overwrite")) {
                overwrite = true;
            } else if (!w.isEmpty() && (Character.isDigit(w.charAt(0)) || w.charAt(0) == '-')) {
                v = Long.parseLong(w);
            }
        }
        return new Init(v, overwrite);
    }
}
