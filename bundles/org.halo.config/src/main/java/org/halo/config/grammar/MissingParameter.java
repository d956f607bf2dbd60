package org.halo.config.grammar;

/** Thrown by a check when a required word is missing: keepalived stops reading and exits 4 (null_strvec). */
public final class MissingParameter extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingParameter(String message) {
        super(message, null, false, false);
    }
}
