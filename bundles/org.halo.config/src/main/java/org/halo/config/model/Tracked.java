package org.halo.config.model;

/** An item of track_interface / track_script / track_file / track_process: name, optional weight override. */
public record Tracked(String name, Integer weight, boolean reverse) {
}
