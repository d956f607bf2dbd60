package org.halo.config.model;

/** track_file (alias vrrp_track_file): a file whose integer content is multiplied by weight. */
public record TrackFile(String name, Source source, String file, int weight, boolean weightReverse, String initFile,
                        Options options) {
}
