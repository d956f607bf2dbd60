package org.halo.linux.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.halo.linux.api.LinuxException;

/** Small helpers around {@link LibC}: errno translation and setsockopt with ints and byte arrays. */
final class Native2 {
    private Native2() {
    }

    static LinuxException error(String what, LastErrorException e) {
        return new LinuxException(what + ": " + e.getMessage(), e.getErrorCode());
    }

    static void setInt(int fd, int level, int name, int value, String what) throws LinuxException {
        Memory m = new Memory(4);
        m.setInt(0, value);
        setBytes(fd, level, name, m, 4, what);
    }

    static void setBytes(int fd, int level, int name, byte[] value, String what) throws LinuxException {
        Memory m = new Memory(Math.max(1, value.length));
        m.write(0, value, 0, value.length);
        setBytes(fd, level, name, m, value.length, what);
    }

    private static void setBytes(int fd, int level, int name, Memory m, int len, String what)
            throws LinuxException {
        try {
            LibC.INSTANCE.setsockopt(fd, level, name, m, len);
        } catch (LastErrorException e) {
            throw error("setsockopt " + what, e);
        }
    }

    static void closeQuietly(int fd) {
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException ignored) {
            // nothing sensible to do about a failed close
        }
    }
}
