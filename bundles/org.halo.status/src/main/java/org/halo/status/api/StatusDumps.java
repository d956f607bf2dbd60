package org.halo.status.api;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes keepalived's dump files on request. The launcher calls these from its signal handling
 * (keepalived 2.2.7: SIGUSR1 writes the data file, SIGUSR2 the stats file, signal 36 the JSON file).
 * Files go to the directory named by the framework property {@code halo.status.dir} (default
 * {@code /tmp}, as keepalived). Each call writes the whole file atomically (temp file + rename) with
 * mode 0600 and returns its path.
 */
@ProviderType
public interface StatusDumps {
    /** keepalived.data: configuration and runtime state, as {@code kill -USR1}. */
    Path dumpData() throws IOException;

    /** keepalived.stats: per-instance counters, as {@code kill -USR2}; clears them if {@code clear}. */
    Path dumpStats(boolean clear) throws IOException;

    /** keepalived.json: instances with data and stats, as {@code kill -36}. */
    Path dumpJson() throws IOException;
}
