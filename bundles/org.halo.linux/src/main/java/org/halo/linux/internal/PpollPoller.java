package org.halo.linux.internal;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import org.halo.linux.api.LinuxException;
import org.halo.linux.api.SocketPoller;

/**
 * {@link SocketPoller} on ppoll(2) (nanosecond timeouts) and an eventfd doorbell. The set of descriptors is an
 * immutable array replaced on (de)registration; a poll in progress still holds the old one, so each delivery
 * checks its registration is still active, under a lock that {@link #deregister} takes to wait out a delivery
 * already running: once deregister returns the descriptor may be closed.
 */
final class PpollPoller implements SocketPoller {
    private static final Logger LOG = Logger.getLogger(PpollPoller.class.getName());
    private static final byte[] ONE = {1, 0, 0, 0, 0, 0, 0, 0}; // the eventfd counter is a host-order u64 (LP64 little-endian)
    private static final int POLLFD_SIZE = 8;
    /** Waits up to this long get only the 50 us default timer slack (0.1 % of it is below that). */
    static final long PRECISE_WAIT_NANOS = 50_000_000L;

    /** A descriptor and what to run, on the polling thread, when it is readable. */
    static final class Registration {
        final int fd;
        final Runnable onReadable;
        volatile boolean active = true;

        Registration(int fd, Runnable onReadable) {
            this.fd = fd;
            this.onReadable = onReadable;
        }
    }

    private final int eventFd;
    private final ReentrantLock delivering = new ReentrantLock();
    private final Memory timespec = new Memory(16);
    private final Memory drain = new Memory(8);
    private volatile Registration[] registrations = new Registration[0];
    private Memory pollfds = new Memory(POLLFD_SIZE * 8L);
    private volatile boolean closed;

    PpollPoller() throws LinuxException {
        try {
            eventFd = LibC.INSTANCE.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
        } catch (LastErrorException e) {
            throw Native2.error("eventfd", e);
        }
    }

    @Override
    public void poll(long timeoutNanos) {
        if (timeoutNanos < 0) {
            pollOnce(-1);
            return;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        long left = timeoutNanos;
        // a long wait ends early by design (firstWait); the rest is waited unless something was ready
        while (!pollOnce(firstWait(left))) {
            left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
        }
    }

    /**
     * The kernel lets a poll timeout expire late by 0.1 % of its length (select_estimate_accuracy: 3.6 ms on a
     * VRRPv2 master-down timer of 3.6 s) but by only the thread's 50 us timer slack up to 50 ms. A longer wait
     * therefore ends 1-2 ms or so early (its own slack included) and the rest is waited with the short slack:
     * long timers stay as punctual as keepalived's timerfd.
     */
    static long firstWait(long timeoutNanos) {
        return timeoutNanos > PRECISE_WAIT_NANOS ? timeoutNanos - timeoutNanos / 500 - 1_000_000L : timeoutNanos;
    }

    /** One ppoll; true if it returned for anything but its timeout (readiness, the doorbell, an error). */
    private boolean pollOnce(long timeoutNanos) {
        if (closed) {
            return true;
        }
        Registration[] regs = registrations;
        int n = regs.length + 1;
        if (pollfds.size() < (long) n * POLLFD_SIZE) {
            pollfds = new Memory((long) n * 2 * POLLFD_SIZE);
        }
        setPollFd(0, eventFd);
        for (int i = 0; i < regs.length; i++) {
            setPollFd(i + 1, regs[i].fd);
        }
        Pointer timeout = null;
        if (timeoutNanos >= 0) {
            timespec.setLong(0, timeoutNanos / 1_000_000_000L);
            timespec.setLong(8, timeoutNanos % 1_000_000_000L);
            timeout = timespec;
        }
        try {
            if (LibC.INSTANCE.ppoll(pollfds, n, timeout, null) == 0) {
                return false;
            }
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.EINTR) {
                LOG.log(Level.WARNING, "ppoll: " + e.getMessage());
            }
            return true;
        }
        if (revents(0) != 0) {
            try {
                LibC.INSTANCE.read(eventFd, drain, 8);
            } catch (LastErrorException ignored) {
                // EAGAIN: another poll drained it already
            }
        }
        delivering.lock();
        try {
            for (int i = 0; i < regs.length; i++) {
                if (revents(i + 1) != 0 && regs[i].active) {
                    deliver(regs[i]);
                }
            }
        } finally {
            delivering.unlock();
        }
        return true;
    }

    private static void deliver(Registration r) {
        try {
            r.onReadable.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "socket reader failed", e);
        }
    }

    private void setPollFd(int index, int fd) {
        long o = (long) index * POLLFD_SIZE;
        pollfds.setInt(o, fd);
        pollfds.setShort(o + 4, (short) LibC.POLLIN);
        pollfds.setShort(o + 6, (short) 0);
    }

    private short revents(int index) {
        return pollfds.getShort((long) index * POLLFD_SIZE + 6);
    }

    @Override
    public void wake() {
        if (closed) {
            return;
        }
        try {
            LibC.INSTANCE.write(eventFd, ONE, 8);
        } catch (LastErrorException ignored) {
            // EAGAIN: the counter is already non-zero, the poll will return anyway
        }
    }

    Registration register(int fd, Runnable onReadable) {
        Registration r = new Registration(fd, onReadable);
        synchronized (this) {
            Registration[] regs = Arrays.copyOf(registrations, registrations.length + 1);
            regs[regs.length - 1] = r;
            registrations = regs;
        }
        wake();
        return r;
    }

    /** After this returns the registration's reader is not running and will not run again. */
    void deregister(Registration r) {
        r.active = false;
        synchronized (this) {
            registrations = Arrays.stream(registrations).filter(x -> x != r).toArray(Registration[]::new);
        }
        wake();
        if (!delivering.isHeldByCurrentThread()) {
            delivering.lock();
            delivering.unlock();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        delivering.lock();
        try {
            Native2.closeQuietly(eventFd);
        } finally {
            delivering.unlock();
        }
    }
}
