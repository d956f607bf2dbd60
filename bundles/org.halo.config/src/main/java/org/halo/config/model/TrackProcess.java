package org.halo.config.model;

import java.time.Duration;

/** vrrp_track_process: a process (by name, optionally its parameters) that must be running quorum..quorumMax times. */
public record TrackProcess(String name, Source source, String process, String paramMatch, int weight, boolean weightReverse,
                           int quorum, Integer quorumMax, Duration delay, Duration terminateDelay, Duration forkDelay,
                           boolean fullCommand, Options options) {
}
