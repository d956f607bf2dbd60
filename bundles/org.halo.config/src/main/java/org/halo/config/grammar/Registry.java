package org.halo.config.grammar;

/** The keyword registry of keepalived.conf(5) 2.2.7: the root block and everything below it. */
public final class Registry {
    private static final BlockSpec ROOT = Keywords.root();

    private Registry() {
    }

    public static BlockSpec root() {
        return ROOT;
    }

    /**
     * The keepalived process group that owns a root keyword: "global" (parent process), "vrrp", "check" or
     * "track" (track_file, read by both children). keepalived's parent, VRRP and checker processes each read the
     * whole file with only their own roots active; Halo reproduces the three passes.
     */
    public static String group(String rootKeyword) {
        return Keywords.GROUPS.getOrDefault(rootKeyword, "global");
    }

    /** keepalived's three readers of the configuration and the root groups active in each. */
    public static final java.util.List<java.util.Set<String>> PASSES = java.util.List.of(
        java.util.Set.of("global"), java.util.Set.of("vrrp", "track"), java.util.Set.of("check", "track"));
}
