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
    private static final int ENOBUFS = 105;
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
        return start(consumer, 1 << 20);
    }

    /** @param receiveBuffer SO_RCVBUF; tests make it tiny to provoke ENOBUFS */
    static LinkMonitor start(Consumer<LinkEvent> consumer, int receiveBuffer) throws LinuxException {
        NetlinkSocket socket = new NetlinkSocket(NetlinkImpl.RTMGRP_LINK, 0, receiveBuffer);
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
                if (e.errno() == ENOBUFS && running) {
                    resync(consumer);
                } else if (e.errno() != LibC.EAGAIN && e.errno() != LibC.EINTR && running) {
                    LOG.log(Level.WARNING, "link monitor: " + e.getMessage());
                }
            }
        }
        socket.close();
        waiter.close();
    }

    /**
     * ENOBUFS: the socket buffer overflowed and link events were lost. Report every link's current
     * state so the owner (tracking interfaces) cannot miss a change.
     */
    private void resync(Consumer<LinkEvent> consumer) {
        LOG.log(Level.WARNING, "link monitor: events lost (ENOBUFS), re-reading all links");
        NlRequest dump = new NlRequest(NetlinkImpl.RTM_GETLINK, NlRequest.NLM_F_DUMP).u8(0).u8(0).u16(0).u32(0)
                .u32(0).u32(0);
        try {
            for (NlMessage m : socket.transact(dump, "dump links")) {
                if (m.type() == NetlinkImpl.RTM_NEWLINK) {
                    deliver(consumer, new LinkEvent(RtCodec.link(m.body()), false));
                }
            }
        } catch (LinuxException e) {
            LOG.log(Level.WARNING, "link monitor: re-reading links failed: " + e.getMessage());
        }
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
