package org.halo.config.grammar;

import java.util.Map;
import java.util.Set;

/**
 * Which keywords Halo implements (maps into a typed model field that a Halo component acts on). Every other
 * keyword of keepalived 2.2.7 is still parsed, validated and kept in the model's options map, and reported as a
 * note naming it with file:line. Checker blocks are implemented generically: all their keywords are properties.
 */
final class Implemented {
    private Implemented() {
    }

    static final Set<String> ROOT = Set.of("global_defs", "vrrp_script", "vrrp_track_process", "track_file", "vrrp_track_file",
        "vrrp_instance", "vrrp_sync_group", "static_ipaddress", "static_routes", "static_rules", "virtual_server_group",
        "virtual_server");

    static final Map<String, Set<String>> BLOCKS = Map.of(
        "global_defs", Set.of("router_id", "notification_email", "notification_email_from", "smtp_server", "smtp_connect_timeout",
            "vrrp_strict", "enable_script_security", "script_user", "vrrp_garp_interval", "vrrp_gna_interval",
            "vrrp_skip_check_adv_addr", "vrrp_version", "vrrp_mcast_group4", "vrrp_mcast_group6"),
        "vrrp_instance", Set.of("state", "interface", "virtual_router_id", "priority", "advert_int", "version", "nopreempt", "preempt",
            "preempt_delay", "unicast_src_ip", "unicast_peer", "mcast_src_ip", "virtual_ipaddress", "virtual_ipaddress_excluded",
            "virtual_routes", "virtual_rules", "track_interface", "track_script", "track_file", "track_process", "notify_master",
            "notify_backup", "notify_fault", "notify_stop", "notify_deleted", "notify", "notify_master_rx_lower_pri", "smtp_alert",
            "notify_priority_changes", "authentication", "use_vmac", "accept", "strict_mode", "dont_track_primary",
            "garp_master_delay", "garp_master_repeat", "garp_master_refresh"),
        "vrrp_sync_group", Set.of("group", "track_interface", "track_script", "track_file", "track_process", "notify_master",
            "notify_backup", "notify_fault", "notify_stop", "notify", "smtp_alert", "notify_priority_changes"),
        "virtual_server", Set.of("delay_loop", "lvs_sched", "lvs_method", "protocol", "persistence_timeout",
            "persistence_granularity", "quorum", "hysteresis", "alpha", "omega", "quorum_up", "quorum_down", "sorry_server",
            "virtualhost", "real_server"),
        "real_server", Set.of("weight", "lvs_method", "inhibit_on_failure", "notify_up", "notify_down"));

    static void apply(BlockSpec root) {
        mark(root, ROOT);
        for (Map.Entry<String, Set<String>> e : BLOCKS.entrySet()) {
            BlockSpec b = "real_server".equals(e.getKey()) ? root.sub("virtual_server").sub("real_server") : root.sub(e.getKey());
            mark(b, e.getValue());
        }
    }

    private static void mark(BlockSpec b, Set<String> implemented) {
        for (KeywordSpec k : b.keywords()) {
            boolean impl = implemented.contains(k.name()) || k.kind() == Kind.CHECKER;
            if (!impl) {
                b.update(k.name(), x -> x.withImplemented(false));
                if (k.block() != null) {
                    all(k.block());
                }
            }
        }
    }

    /** Everything inside a block Halo does not implement is parsed only. */
    private static void all(BlockSpec b) {
        for (KeywordSpec k : b.keywords()) {
            b.update(k.name(), x -> x.withImplemented(false));
            if (k.block() != null) {
                all(k.block());
            }
        }
    }
}
