package org.halo.config.cm;

import org.osgi.annotation.versioning.ProviderType;

/** The bridge's service: reload keepalived.conf into ConfigAdmin (the launcher wires SIGHUP to it). */
@ProviderType
public interface ConfigBridge {
    /**
     * Re-reads the file, diffs and applies only what changed. A file with errors keeps the running configuration.
     *
     * @return a one-line summary, e.g. "2 created, 1 updated, 0 deleted, 5 unchanged" or why nothing was applied
     */
    String reload();
}
