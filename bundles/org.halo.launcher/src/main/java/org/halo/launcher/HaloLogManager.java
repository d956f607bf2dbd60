package org.halo.launcher;

import java.util.logging.LogManager;

/**
 * JUL's own shutdown hook resets (closes) every handler, racing Halo's shutdown hook, so the last lines
 * ("Stopping", "Stopped Halo") would be lost. bin/halo selects this manager with
 * {@code -Djava.util.logging.manager}; Halo's {@link Logging#close()} closes the handlers itself.
 */
public final class HaloLogManager extends LogManager {

    private static volatile boolean shuttingDown;

    public HaloLogManager() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shuttingDown = true, "halo-log-shutdown"));
    }

    @Override
    public void reset() {
        if (!shuttingDown) {
            super.reset();
        }
    }
}
