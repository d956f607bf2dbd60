package org.halo.systest.lab;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * kill(2) through JNA: the benchmark signals a daemon's process group at a chosen instant, and a
 * forked {@code kill} command would add a few milliseconds of process start-up (varying with load)
 * between the recorded instant and the signal.
 */
public final class Kill {
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    private interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        int kill(int pid, int sig);
    }

    private Kill() {
    }

    public static int number(String name) {
        return switch (name) {
            case "KILL" -> SIGKILL;
            case "TERM" -> SIGTERM;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Signals the process group; returns the wall-clock instant (epoch micros) taken just before the call. */
    public static long group(long pgid, int sig) {
        long t = Sh.nowMicros();
        C.INSTANCE.kill((int) -pgid, sig);
        return t;
    }
}
