package org.halo.check.script.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * keepalived's {@code enable_script_security}: a script that will run as root is refused when the file
 * or any directory above it could be changed by a non-root user (owned by non-root, or writable by
 * group/other), since that user could then run anything as root.
 */
public final class ScriptSecurity {

    private static final int S_IWGRP = 0020;
    private static final int S_IWOTH = 0002;

    private ScriptSecurity() {
    }

    /** Why {@code script} is unsafe to run as root, or empty if it is safe. */
    public static Optional<String> insecureReason(Path script) {
        Path real;
        try {
            real = script.toRealPath();
        } catch (IOException e) {
            return Optional.of(script + ": cannot resolve: " + e.getMessage());
        }
        for (Path p = real; p != null; p = p.getParent()) {
            try {
                int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                if (uid != 0) {
                    return Optional.of(p + " is owned by uid " + uid);
                }
                if ((mode & S_IWOTH) != 0 && !(Files.isDirectory(p) && (mode & 01000) != 0 && !p.equals(real))) {
                    return Optional.of(p + " is writable by others");
                }
                if ((mode & S_IWGRP) != 0 && gid != 0) {
                    return Optional.of(p + " is writable by group " + gid);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.of(p + ": cannot stat: " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
