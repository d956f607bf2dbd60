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
    private boolean aborted;

    /** keepalived exits at once with KEEPALIVED_EXIT_CONFIG (e.g. a missing parameter, lib/parser.c null_strvec). */
    public void abort() {
        aborted = true;
    }

    public boolean aborted() {
        return aborted;
    }

    public void add(Diagnostic d) {
        // whole-configuration summaries (no line) get their own small budget so a flood never hides them
        if (list.size() < MAX || d.line() <= 0 && list.size() < MAX + 1000) {
            list.add(d);
        } else {
            dropped++;
        }
    }

    /** Adds the diagnostics of {@code other} not already present (keepalived's processes repeat shared ones). */
    public void merge(Diagnostics other) {
        java.util.Set<Diagnostic> seen = new java.util.HashSet<>(list);
        for (Diagnostic d : other.list) {
            if (seen.add(d)) {
                add(d);
            }
        }
        dropped += other.dropped;
        aborted |= other.aborted;
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

    /** keepalived's retained {@code config_err}: the highest class reported (lib/parser.c vreport_config_error). */
    public Severity worst() {
        Severity w = null;
        for (Diagnostic d : list) {
            if (d.severity().compareTo(Severity.INFO) > 0 && (w == null || d.severity().compareTo(w) > 0)) {
                w = d.severity();
            }
        }
        return w;
    }

    /** True when Halo must not use the configuration: nothing parsed, or a fatal class is present. */
    public boolean unusable() {
        return aborted || has(Severity.FATAL) || has(Severity.FILE_NOT_FOUND);
    }

    /** True when any problem other than a Halo note was reported. */
    public boolean hasErrors() {
        return worst() != null;
    }

    /** The exit code {@code keepalived -t} would return for these diagnostics. */
    public int exitCode() {
        if (aborted) {
            return EXIT_FATAL;
        }
        Severity w = worst();
        return w == null ? EXIT_OK : w.exitCode();
    }
}
