package org.halo.host;

import java.util.concurrent.atomic.AtomicLong;

/** Call bookkeeping for one live plug-in service: what the shell shows. Thread-safe. */
final class PluginStats {

    /** Immutable copy for display. */
    record Snapshot(long calls, long failures, long timeouts, long drops, long abandonedThreads) {
    }

    final AtomicLong calls = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong drops = new AtomicLong();
    final AtomicLong abandonedThreads = new AtomicLong();

    Snapshot snapshot() {
        return new Snapshot(calls.get(), failures.get(), timeouts.get(), drops.get(), abandonedThreads.get());
    }
}
