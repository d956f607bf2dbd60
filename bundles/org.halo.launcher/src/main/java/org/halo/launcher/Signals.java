package org.halo.launcher;

import sun.misc.Signal;
import sun.misc.SignalHandler;

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

    /**
     * SIGTERM: {@code action} runs first, on the JVM's signal-handler thread, then the JVM exits (running the
     * shutdown hook as before). keepalived's VRRP process sends its priority-0 adverts within a millisecond;
     * through the JVM's own TERM handling the release started only with every shutdown hook at once.
     */
    static void onTerm(Runnable action) {
        warmDispatch();
        warnIfRefused("TERM", Signal.handle(new Signal("TERM"), sig -> {
            try {
                action.run();
            } finally {
                System.exit(0);
            }
        }));
    }

    /**
     * The JVM loads and links its signal-dispatch code the first time a Java-handled signal arrives; one
     * SIGWINCH (ignored by default, handled here by doing nothing) takes that cost at start instead of on
     * the first SIGTERM.
     */
    private static void warmDispatch() {
        try {
            java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
            Signal winch = new Signal("WINCH");
            Signal.handle(winch, sig -> seen.countDown());
            Signal.raise(winch);
            seen.await(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IllegalArgumentException | InterruptedException e) {
            // no warm-up: the first SIGTERM pays it
        }
    }

    static void on(String name, Runnable action) {
        // Signal handlers run on a JVM thread; hand the work off so the handler returns at once.
        warnIfRefused(name, Signal.handle(new Signal(name), sig -> new Thread(action, "halo-sig" + name.toLowerCase()).start()));
    }

    /**
     * The JVM declines to handle SIGHUP, SIGINT and SIGTERM when they were ignored at its start (nohup, a script's
     * background job) and reports the old disposition instead. bin/halo resets them before the JVM starts; a
     * daemon started otherwise says so rather than silently ignoring a reload or a stop.
     */
    private static void warnIfRefused(String name, SignalHandler previous) {
        if (previous == SignalHandler.SIG_IGN && ("HUP".equals(name) || "TERM".equals(name))) {
            System.getLogger(Signals.class.getName()).log(System.Logger.Level.WARNING, "SIG" + name
                    + " was ignored when Halo started; it stays ignored (start Halo through bin/halo, or without nohup)");
        }
    }
}
