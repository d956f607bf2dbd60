package org.halo.linux.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A readiness loop for VRRP sockets opened with {@link VrrpSockets#open(VrrpSocketOptions, java.util.function.Consumer,
 * SocketPoller)}: the thread that calls {@link #poll(long)} reads their packets and runs their consumers itself, as
 * keepalived's single thread does, instead of a receive thread per socket handing each packet on. One thread
 * polls; {@link #wake()} and registration (opening and closing sockets) work from any thread.
 */
@ProviderType
public interface SocketPoller extends AutoCloseable {

    /**
     * Waits until a registered socket is readable, {@link #wake()} is called or {@code timeoutNanos} pass
     * (negative: no limit), then reads every readable socket until it would block, handing each packet to its
     * consumer on the calling thread.
     */
    void poll(long timeoutNanos);

    /** Makes the current {@link #poll(long)}, or the next one if none is waiting, return at once. Any thread. */
    void wake();

    /** Releases the poller's own descriptor; sockets still registered are not closed. */
    @Override
    void close();
}
