package org.halo.config.cm;

/**
 * Configuration PIDs published by the bridge. Property names are keepalived's keywords; values are their words
 * joined by a space ("true" for a flag), value blocks (virtual_ipaddress, unicast_peer, track_script, ...) are
 * String[] with one entry per line. Every configuration also carries {@link #SOURCE}, {@link #KEY}, and
 * {@code halo.file}/{@code halo.line}.
 */
public final class Pids {
    private Pids() {
    }

    /** Singleton: global_defs. */
    public static final String GLOBAL = "org.halo.global";
    /** Factory: one per vrrp_instance. */
    public static final String VRRP_INSTANCE = "org.halo.vrrp.instance";
    /** Factory: one per vrrp_sync_group. */
    public static final String VRRP_SYNC_GROUP = "org.halo.vrrp.syncgroup";
    /** Factory: one per vrrp_script (consumed by org.halo.host). */
    public static final String VRRP_SCRIPT = "org.halo.vrrp.script";
    /** Factory: one per track_file / vrrp_track_file. */
    public static final String TRACK_FILE = "org.halo.vrrp.trackfile";
    /** Factory: one per vrrp_track_process. */
    public static final String TRACK_PROCESS = "org.halo.vrrp.trackprocess";
    /** Factory: one per virtual_server_group. */
    public static final String VIRTUAL_SERVER_GROUP = "org.halo.lvs.virtualservergroup";
    /** Factory: one per virtual_server. */
    public static final String VIRTUAL_SERVER = "org.halo.lvs.virtualserver";
    /** Factory: one per real_server (property virtual_server names its virtual server). */
    public static final String REAL_SERVER = "org.halo.lvs.realserver";
    /** Factory: one per checker block of a real_server (consumed by org.halo.host). */
    public static final String CHECK = "org.halo.check";

    /** Marker of configurations owned by the bridge; a reload never touches configurations without it. */
    public static final String SOURCE = "halo.source";
    public static final String SOURCE_VALUE = "keepalived.conf";
    /** Stable identity of the block within the file, e.g. {@code vrrp_instance:VI_1}. */
    public static final String KEY = "halo.key";
}
