package org.halo.linux.internal;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.linux.api.LinkEvent;
import org.halo.linux.api.LinuxException;

/**
 * RTMGRP_LINK subscriber. The thread waits in poll(2) with a wake-up pipe (a blocked recv() would not
 * be woken by closing its descriptor), so an idle monitor costs nothing and close() is immediate.
 */
final class LinkMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinkMonitor.class.getName());
    private final NetlinkSocket socket;
    private final Thread thread;
    private final Waiter waiter;
    private volatile boolean running = true;

    private LinkMonitor(NetlinkSocket socket, Consumer<LinkEvent> consumer) throws LinuxException {
        this.socket = socket;
        this.waiter = new Waiter(socket.fd());
        this.thread = new Thread(() -> loop(consumer), "netlink-link-monitor");
        this.thread.setDaemon(true);
    }

    static LinkMonitor start(Consumer<LinkEvent> consumer) throws LinuxException {
        NetlinkSocket socket = new NetlinkSocket(NetlinkImpl.RTMGRP_LINK, 0);
        LinkMonitor m;
        try {
            m = new LinkMonitor(socket, consumer);
        } catch (LinuxException e) {
            socket.close();
            throw e;
        }
        m.thread.start();
        return m;
    }

    private void loop(Consumer<LinkEvent> consumer) {
        while (running && waiter.await()) {
            try {
                for (NlMessage m : socket.receive()) {
                    if (m.type() == NetlinkImpl.RTM_NEWLINK || m.type() == NetlinkImpl.RTM_DELLINK) {
                        deliver(consumer, new LinkEvent(RtCodec.link(m.body()), m.type() == NetlinkImpl.RTM_DELLINK));
                    }
                }
            } catch (LinuxException e) {
                if (e.errno() != LibC.EAGAIN && e.errno() != LibC.EINTR && running) {
                    // ENOBUFS means events were lost: keep going, the owner re-reads state on the next event
                    LOG.log(Level.WARNING, "link monitor: " + e.getMessage());
                }
            }
        }
        socket.close();
        waiter.close();
    }

    private static void deliver(Consumer<LinkEvent> consumer, LinkEvent event) {
        try {
            consumer.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "link event consumer failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        waiter.wake();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
