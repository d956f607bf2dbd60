package org.halo.launcher;

import java.util.logging.LogManager;

/**
 * JUL's own shutdown hook (the thread {@code LogManager$Cleaner}) resets, i.e. closes, every handler, racing
 * Halo's shutdown hook, so the last lines ("Stopping", "Stopped Halo") would be lost. bin/halo selects this
 * manager with {@code -Djava.util.logging.manager}; Halo's {@link Logging#close()} closes the handlers itself.
 */
public final class HaloLogManager extends LogManager {

    @Override
    public void reset() {
        // Shutdown hooks run concurrently and unordered, so a flag set by another hook is too late when the
        // JVM starts quickly (the CDS archive made that the common case): recognise JUL's hook thread itself.
        if (Thread.currentThread().getClass().getEnclosingClass() == LogManager.class) {
            return;
        }
        super.reset();
    }
}
