package org.halo.launcher;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * systemd {@code Type=notify}: tells systemd the daemon is ready. Java 17 cannot send on the Unix datagram
 * socket in {@code $NOTIFY_SOCKET}, so this runs {@code systemd-notify} on our behalf; the unit sets
 * {@code NotifyAccess=all} so that systemd accepts it from the helper process.
 */
final class SdNotify {

    private SdNotify() {
    }

    static void ready() {
        if (System.getenv("NOTIFY_SOCKET") == null) {
            return;
        }
        try {
            Process p = new ProcessBuilder("systemd-notify", "--ready", "--pid=" + ProcessHandle.current().pid())
                    .inheritIO().start();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.getLogger("org.halo.launcher").log(System.Logger.Level.WARNING, "systemd-notify failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
