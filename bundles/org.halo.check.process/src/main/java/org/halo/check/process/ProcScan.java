package org.halo.check.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One pass over /proc/[1-9]*: the process name and state from /proc/PID/stat (zombies do not count, as in
 * keepalived's read_procs) and, only when the matcher needs it, /proc/PID/cmdline. A process that exits during
 * the pass is simply not counted.
 */
final class ProcScan {
    /** /proc/PID/stat up to the state field; comm is at most 15 bytes, the pid at most 7 digits. */
    private static final int STAT_BYTES = 128;
    private static final int CMDLINE_BYTES = 4096;

    private ProcScan() {
    }

    static int count(Path proc, ProcessMatcher m) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path pid : pids) {
                if (matches(pid, m)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isPid(String name) {
        if (name.isEmpty() || name.charAt(0) < '1' || name.charAt(0) > '9') {
            return false;
        }
        return name.chars().allMatch(Character::isDigit);
    }

    private static boolean matches(Path pid, ProcessMatcher m) {
        try {
            String stat = new String(head(pid.resolve("stat"), STAT_BYTES), StandardCharsets.UTF_8);
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || (close + 2 < stat.length() && stat.charAt(close + 2) == 'Z')) {
                return false;
            }
            String comm = stat.substring(open + 1, close);
            byte[] cmdline = m.fullCommand() ? head(pid.resolve("cmdline"), CMDLINE_BYTES) : new byte[0];
            return m.matches(comm, cmdline);
        } catch (IOException gone) {
            return false;
        }
    }

    private static byte[] head(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }
}
