package org.halo.launcher;

import sun.misc.Signal;

/** SIGHUP (keepalived's reload). SIGTERM/SIGINT are left to the JVM, which runs the shutdown hook. */
final class Signals {

    private Signals() {
    }

    static void onHangup(Runnable action) {
        // Signal handlers run on a JVM thread; hand the work off so the handler returns at once.
        Signal.handle(new Signal("HUP"), sig -> new Thread(action, "halo-sighup").start());
    }
}
