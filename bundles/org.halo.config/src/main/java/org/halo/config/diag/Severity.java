package org.halo.config.diag;

/**
 * Severity of a configuration diagnostic. Mirrors keepalived 2.2.7's {@code config_err_t} classes as far as
 * they change the {@code -t} exit code: warnings do not, errors give 5, fatal gives 4, security gives 6.
 */
public enum Severity {
    /** Informational (e.g. a keyword Halo parses but does not implement yet is reported as WARNING, not this). */
    INFO,
    /** Reported, does not change the exit code (keepalived's "WARNING - ..." lines that do not set config_err). */
    WARNING,
    /** keepalived would run, but {@code -t} exits 5 (unknown keyword, out of range value, ...). */
    ERROR,
    /** Script security violation: {@code -t} exits 6. */
    SECURITY,
    /** The configuration cannot be used at all: {@code -t} exits 4. */
    FATAL
}
