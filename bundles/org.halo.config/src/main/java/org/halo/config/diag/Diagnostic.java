package org.halo.config.diag;

/**
 * One configuration problem with its location. {@code file} is null for problems that have no file
 * (e.g. a whole-configuration check such as "Non-existent interface specified in configuration"),
 * {@code line} is 0 then.
 */
public record Diagnostic(String file, int line, Severity severity, String message) {

    /** keepalived's wording: {@code (FILE: Line N) message}, or just the message without a location. */
    public String format() {
        if (file == null || line <= 0) {
            return message;
        }
        return "(" + file + ": Line " + line + ") " + message;
    }

    @Override
    public String toString() {
        return severity + " " + format();
    }
}
