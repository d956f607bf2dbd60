package org.halo.launcher;

import sun.misc.Signal;

/**
 * keepalived's control signals: SIGHUP (reload), SIGUSR1 (write keepalived.data), SIGUSR2 (write
 * keepalived.stats). SIGTERM/SIGINT are left to the JVM, which runs the shutdown hook. keepalived's signal 36
 * (keepalived.json) is a real-time signal the JVM cannot name: use {@code halo shell -c status:json}.
 */
final class Signals {
    /** The signals the launcher forwards to {@code halo.signal=NAME} services. */
    static final String[] FORWARDED = {"HUP", "USR1", "USR2"};

    private Signals() {
    }

    static void on(String name, Runnable action) {
        // Signal handlers run on a JVM thread; hand the work off so the handler returns at once.
        Signal.handle(new Signal(name), sig -> new Thread(action, "halo-sig" + name.toLowerCase()).start());
    }
}
