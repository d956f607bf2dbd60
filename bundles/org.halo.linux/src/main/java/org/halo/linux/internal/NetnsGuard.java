package org.halo.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.halo.linux.api.LinuxException;

/**
 * Remembers the network namespace an object was created in and refuses operations from a thread in
 * another one. Sockets stay bound to their namespace, but /proc/sys/net and new sockets follow the
 * calling thread (setns(2) is per thread), so acting from the wrong thread would touch another
 * namespace, possibly the host's.
 */
final class NetnsGuard {
    private final String netns;

    NetnsGuard() {
        this.netns = current();
    }

    static String current() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    void check(String what) throws LinuxException {
        String now = current();
        if (!now.equals(netns)) {
            throw new LinuxException(what + ": calling thread is in network namespace " + now
                    + " but this object was opened in " + netns, 0);
        }
    }
}
