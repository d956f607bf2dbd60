package org.halo.linux.internal;

import org.halo.linux.api.LinuxException;

/**
 * A thread of its own polling a private {@link PpollPoller}: what a VRRP socket opened without the caller's
 * poller is read by, so there is one way to read a socket, whoever polls.
 */
final class PollingThread implements AutoCloseable {
    final PpollPoller poller;
    private final Thread thread;
    private volatile boolean running = true;

    PollingThread(String name) throws LinuxException {
        this.poller = new PpollPoller();
        this.thread = new Thread(() -> {
            while (running) {
                poller.poll(-1);
            }
        }, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops the thread (at once: the poller's doorbell wakes it) and closes the poller. */
    @Override
    public void close() {
        running = false;
        poller.wake();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        poller.close();
    }
}
