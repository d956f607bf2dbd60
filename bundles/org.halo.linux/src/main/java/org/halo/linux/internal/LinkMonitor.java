package org.halo.linux.internal;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.linux.api.LinkEvent;
import org.halo.linux.api.LinuxException;

/**
 * RTMGRP_LINK subscriber. The socket has a 200 ms receive timeout so the thread notices close()
 * promptly; a blocked recv() would not be woken by closing its descriptor.
 */
final class LinkMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinkMonitor.class.getName());
    private final NetlinkSocket socket;
    private final Thread thread;
    private volatile boolean running = true;

    private LinkMonitor(NetlinkSocket socket, Consumer<LinkEvent> consumer) {
        this.socket = socket;
        this.thread = new Thread(() -> loop(consumer), "netlink-link-monitor");
        this.thread.setDaemon(true);
    }

    static LinkMonitor start(Consumer<LinkEvent> consumer) throws LinuxException {
        LinkMonitor m = new LinkMonitor(new NetlinkSocket(NetlinkImpl.RTMGRP_LINK, 200), consumer);
        m.thread.start();
        return m;
    }

    private void loop(Consumer<LinkEvent> consumer) {
        while (running) {
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
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
