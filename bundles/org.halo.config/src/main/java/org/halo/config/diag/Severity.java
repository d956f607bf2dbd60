package org.halo.config.diag;

/**
 * Classes of configuration diagnostics. Except for {@link #NOTE}, these are keepalived 2.2.7's
 * {@code config_err_t} values in its declaration order (lib/parser.h), because keepalived keeps the one with the
 * highest value and derives the {@code -t} exit code from it (keepalived/core/main.c config_test_exit):
 * FILE_NOT_FOUND, BAD_IF, FATAL exit 4; SECURITY exits 6; all others exit 5.
 */
public enum Severity {
    /** Halo-only note (e.g. a keyword parsed but not implemented yet): printed, never changes the exit code. */
    NOTE,
    /** keepalived reports it (config_err CONFIG_OK), the exit code is unchanged. */
    INFO,
    FILE_NOT_FOUND,
    BAD_IF,
    FATAL,
    MULTIPLE_FILES,
    UNKNOWN_KEYWORD,
    UNEXPECTED_BOB,
    MISSING_BOB,
    UNEXPECTED_EOB,
    MISSING_EOB,
    UNMATCHED_QUOTE,
    MISSING_PARAMETER,
    INVALID_NUMBER,
    GENERAL_ERROR,
    WARNING,
    DEPRECATED,
    SECURITY;

    /** The {@code -t} exit code keepalived gives when this is the retained error class. */
    public int exitCode() {
        switch (this) {
            case NOTE:
            case INFO:
                return 0;
            case FILE_NOT_FOUND:
            case BAD_IF:
            case FATAL:
                return Diagnostics.EXIT_FATAL;
            case SECURITY:
                return Diagnostics.EXIT_SECURITY;
            default:
                return Diagnostics.EXIT_ERRORS;
        }
    }

    /** Short label used by Halo's own log output. */
    public String label() {
        switch (this) {
            case NOTE:
                return "note";
            case INFO:
                return "info";
            case FILE_NOT_FOUND:
            case BAD_IF:
            case FATAL:
                return "fatal";
            case SECURITY:
                return "security";
            case WARNING:
            case DEPRECATED:
                return "warning";
            default:
                return "error";
        }
    }
}
