package org.halo.linux.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.halo.linux.api.LinuxException;

/**
 * Blocks a receive thread in poll(2) on one descriptor with no timeout, and lets another thread wake
 * it through a pipe, so an idle socket costs no periodic wake-ups and close() is immediate.
 */
final class Waiter implements AutoCloseable {
    private final int fd;
    private final int[] pipe = new int[2];
    private final Memory pfds = new Memory(16);
    private volatile boolean closed;

    Waiter(int fd) throws LinuxException {
        this.fd = fd;
        try {
            LibC.INSTANCE.pipe2(pipe, LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw Native2.error("pipe2", e);
        }
    }

    /** Waits until {@code fd} is readable (true) or {@link #wake()} was called (false). */
    boolean await() {
        while (!closed) {
            pfds.setInt(0, fd);
            pfds.setShort(4, (short) LibC.POLLIN);
            pfds.setShort(6, (short) 0);
            pfds.setInt(8, pipe[0]);
            pfds.setShort(12, (short) LibC.POLLIN);
            pfds.setShort(14, (short) 0);
            try {
                LibC.INSTANCE.poll(pfds, 2, -1);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    continue;
                }
                return false;
            }
            if (pfds.getShort(14) != 0 || closed) {
                return false;
            }
            if (pfds.getShort(6) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Makes {@link #await()} return false from now on. */
    void wake() {
        closed = true;
        try {
            LibC.INSTANCE.write(pipe[1], new byte[] {1}, 1);
        } catch (LastErrorException ignored) {
            // the pipe is only a doorbell; closed is already set
        }
    }

    @Override
    public void close() {
        Native2.closeQuietly(pipe[0]);
        Native2.closeQuietly(pipe[1]);
    }
}
