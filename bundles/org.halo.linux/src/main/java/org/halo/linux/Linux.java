package org.halo.linux;

import org.halo.linux.api.Announcer;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.Sysctl;
import org.halo.linux.api.VrrpSockets;
import org.halo.linux.internal.LinuxStack;

/**
 * Entry point without OSGi: {@code try (Linux linux = Linux.open()) { linux.netlink().links(); }}.
 * Everything is bound to the network namespace of the thread calling {@link #open()}; sockets keep
 * that binding, and operations that open new descriptors or touch /proc/sys refuse to run from a
 * thread in another namespace.
 */
public final class Linux implements AutoCloseable {
    private final LinuxStack stack;

    private Linux(LinuxStack stack) {
        this.stack = stack;
    }

    public static Linux open() throws LinuxException {
        return new Linux(LinuxStack.open());
    }

    public Netlink netlink() {
        return stack.netlink();
    }

    public VrrpSockets vrrpSockets() {
        return stack.vrrpSockets();
    }

    public Announcer announcer() {
        return stack.announcer();
    }

    public Sysctl sysctl() {
        return stack.sysctl();
    }

    @Override
    public void close() {
        stack.close();
    }
}
