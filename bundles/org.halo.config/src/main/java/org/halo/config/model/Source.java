package org.halo.config.model;

/** Where a block starts: file and 1-based line. */
public record Source(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
