package org.halo.config.grammar;

/** The keyword registry of keepalived.conf(5) 2.2.7: the root block and everything below it. */
public final class Registry {
    private static final BlockSpec ROOT = Keywords.root();

    private Registry() {
    }

    public static BlockSpec root() {
        return ROOT;
    }
}
