package org.halo.status.internal;

import java.io.IOException;

import org.halo.status.api.StatusDumps;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands (scope {@code status}) writing keepalived's dump files on demand; {@code status:json} stands in
 * for keepalived's signal 36, which a JVM cannot catch.
 */
@Component(service = StatusCommands.class, property = {"osgi.command.scope=status", "osgi.command.function=data",
    "osgi.command.function=stats", "osgi.command.function=json"})
public final class StatusCommands {
    private final StatusDumps dumps;

    @Activate
    public StatusCommands(@Reference StatusDumps dumps) {
        this.dumps = dumps;
    }

    /** Writes keepalived.data and returns its path. */
    public String data() throws IOException {
        return dumps.dumpData().toString();
    }

    /** Writes keepalived.stats and returns its path. */
    public String stats() throws IOException {
        return dumps.dumpStats(false).toString();
    }

    /** Writes keepalived.stats, then clears the counters (keepalived's STATS_CLEAR). */
    public String stats(String clear) throws IOException {
        if (!"clear".equals(clear)) {
            throw new IllegalArgumentException("usage: status:stats [clear]");
        }
        return dumps.dumpStats(true).toString();
    }

    /** Writes keepalived.json and returns its path. */
    public String json() throws IOException {
        return dumps.dumpJson().toString();
    }
}
