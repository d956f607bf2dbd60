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

    /**
     * Waits for {@code pid} (our re-parented orphan) and returns its raw wait status, or -1 when its own parent
     * reaped it before dying (then it is gone, and no status can be had). The orphan becomes ours only once its
     * parent has exited, so ECHILD is retried while the process still exists.
     */
    static int reap(long pid) throws InterruptedException {
        int[] status = new int[1];
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            int r = LIBC.waitpid((int) pid, status, 0);
            if (r == pid) {
                return status[0];
            }
            if (!java.nio.file.Files.exists(java.nio.file.Path.of("/proc/" + pid))) {
                return -1;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waitpid(" + pid + ") returned " + r + " and the process still exists");
            }
            Thread.sleep(20);
        }
    }
}
