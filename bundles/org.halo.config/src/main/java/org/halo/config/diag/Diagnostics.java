package org.halo.config.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics in order of discovery and derives keepalived's {@code -t} exit code. */
public final class Diagnostics {
    /** keepalived's KEEPALIVED_EXIT_OK. */
    public static final int EXIT_OK = 0;
    /** keepalived's KEEPALIVED_EXIT_CONFIG: the configuration cannot be used. */
    public static final int EXIT_FATAL = 4;
    /** keepalived's KEEPALIVED_EXIT_CONFIG_TEST: errors, but keepalived would run. */
    public static final int EXIT_ERRORS = 5;
    /** keepalived's KEEPALIVED_EXIT_CONFIG_TEST_SECURITY: a script security violation. */
    public static final int EXIT_SECURITY = 6;

    /** Upper bound so that a hostile file cannot exhaust memory with diagnostics. */
    private static final int MAX = 10_000;

    private final List<Diagnostic> list = new ArrayList<>();
    private int dropped;

    public void add(Diagnostic d) {
        if (list.size() < MAX) {
            list.add(d);
        } else {
            dropped++;
        }
    }

    public void add(String file, int line, Severity severity, String message) {
        add(new Diagnostic(file, line, severity, message));
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(list);
    }

    public int dropped() {
        return dropped;
    }

    public boolean has(Severity s) {
        for (Diagnostic d : list) {
            if (d.severity() == s) {
                return true;
            }
        }
        return false;
    }

    /** True when keepalived would refuse the file: a fatal problem or a security problem. */
    public boolean unusable() {
        return has(Severity.FATAL);
    }

    /** The exit code {@code keepalived -t} would return for these diagnostics. */
    public int exitCode() {
        if (has(Severity.FATAL)) {
            return EXIT_FATAL;
        }
        if (has(Severity.SECURITY)) {
            return EXIT_SECURITY;
        }
        if (has(Severity.ERROR)) {
            return EXIT_ERRORS;
        }
        return EXIT_OK;
    }
}
