package org.halo.linux.api;

import java.io.IOException;

/** A failed system call or a netlink error reply; {@link #errno()} is the positive errno value. */
public class LinuxException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public LinuxException(String message, int errno) {
        super(message + (errno != 0 ? " (errno " + errno + ")" : ""));
        this.errno = errno;
    }

    /** Positive errno (e.g. 17 EEXIST, 99 EADDRNOTAVAIL, 19 ENODEV), 0 when not from the kernel. */
    public int errno() {
        return errno;
    }
}
