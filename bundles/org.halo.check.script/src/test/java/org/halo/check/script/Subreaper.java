package org.halo.check.script;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * prctl(PR_SET_CHILD_SUBREAPER) for tests: a script's child orphaned by the group kill is re-parented
 * to this JVM instead of PID 1 (which does not reap here), so the test can wait for and reap it.
 */
final class Subreaper {

    private static final int PR_SET_CHILD_SUBREAPER = 36;

    interface LibC extends Library {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);

        int waitpid(int pid, int[] status, int options);
    }

    private static final LibC LIBC = Native.load("c", LibC.class);

    private Subreaper() {
    }

    static void become() {
        if (LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
            throw new IllegalStateException("prctl(PR_SET_CHILD_SUBREAPER) failed");
        }
    }

    /** Waits for {@code pid} (our re-parented orphan) and returns its raw wait status. */
    static int reap(long pid) {
        int[] status = new int[1];
        int r = LIBC.waitpid((int) pid, status, 0);
        if (r != pid) {
            throw new IllegalStateException("waitpid(" + pid + ") returned " + r);
        }
        return status[0];
    }
}
