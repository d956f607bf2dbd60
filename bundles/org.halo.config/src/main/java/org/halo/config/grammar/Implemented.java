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

    // Only what a running Halo component acts on today; everything else is a "parsed but not implemented" note.
    // LVS (virtual_server) has no forwarder yet; SMTP and the process settings of global_defs are not wired into
    // the runtime. The global vrrp_* defaults listed here are resolved into each
    // vrrp_instance configuration by the bridge (cm.internal.GlobalDefaults) and acted on through the instance.
    static final Set<String> ROOT = Set.of("global_defs", "vrrp_script", "vrrp_instance", "vrrp_sync_group", "instance",
        "track_file", "vrrp_track_file", "vrrp_track_process");
    private static final Set<String> TRACK_FILE = Set.of("file", "weight", "init_file");

    static final Map<String, Set<String>> BLOCKS = Map.of(
        "global_defs", Set.of("enable_script_security", "script_user", "notify_fifo", "notify_fifo_script", "vrrp_notify_fifo",
            "vrrp_notify_fifo_script", "lvs_notify_fifo", "lvs_notify_fifo_script", "vrrp_version", "vrrp_garp_master_delay",
            "vrrp_garp_master_repeat", "vrrp_garp_master_refresh", "vrrp_garp_master_refresh_repeat", "vrrp_garp_lower_prio_delay",
            "vrrp_garp_lower_prio_repeat", "vrrp_min_garp", "vrrp_lower_prio_no_advert", "vrrp_higher_prio_send_advert",
            "vrrp_check_unicast_src", "vrrp_skip_check_adv_addr", "vrrp_strict", "vrrp_down_timer_adverts", "vrrp_garp_interval", "vrrp_gna_interval"),
        "vrrp_instance", Set.of("state", "interface", "virtual_router_id", "priority", "advert_int", "version", "nopreempt", "preempt",
            "preempt_delay", "unicast_src_ip", "unicast_peer", "mcast_src_ip", "virtual_ipaddress", "virtual_ipaddress_excluded",
            "track_interface", "track_script", "track_file", "track_process", "notify_master", "notify_backup", "notify_fault", "notify_stop", "notify_deleted",
            "notify", "authentication", "accept", "dont_track_primary", "native_ipv6", "garp_master_delay", "garp_master_repeat",
            "garp_master_refresh", "garp_master_refresh_repeat", "garp_lower_prio_delay", "garp_lower_prio_repeat",
            "strict_mode", "virtual_routes", "virtual_rules", "use_vmac", "use_vmac_addr", "vmac_xmit_base", "skip_check_adv_addr", "check_unicast_src", "lower_prio_no_advert", "higher_prio_send_advert",
            "down_timer_adverts", "unicast_ttl", "mcast_dst_ip"),
        "vrrp_sync_group", Set.of("group", "track_interface", "track_script", "track_file", "track_process", "notify_master",
            "notify_backup", "notify_fault", "notify_stop", "notify"),
        "track_file", TRACK_FILE,
        "vrrp_track_file", TRACK_FILE,
        "vrrp_track_process", Set.of("process", "param_match", "weight", "quorum", "quorum_max", "delay", "terminate_delay",
            "fork_delay", "full_command"));

    /** Notes for docs/config-keywords.md, keyed "block/keyword". */
    static final Map<String, String> NOTES = Map.ofEntries(
        Map.entry("global_defs/vrrp_strict", "keepalived's strict-mode rules; the no-accept firewall (nftables) is not installed"),
        Map.entry("vrrp_instance/strict_mode", "keepalived's strict-mode rules; the no-accept firewall (nftables) is not installed"),
        Map.entry("vrrp_instance/virtual_routes", "installed on MASTER after the VIPs; options other than to/src/via/dev/scope/table/metric/type are noted"),
        Map.entry("vrrp_instance/virtual_rules", "installed on MASTER; options other than from/to/iif/oif/fwmark/preference/table are noted"),
        Map.entry("vrrp_instance/use_vmac", "macvlan 00:00:5e:00:01:VRID created at start, adverts/VIPs/GARPs through it, deleted on stop"),
        Map.entry("global_defs/vrrp_garp_interval", "least time between two GARPs on an interface (garp_group blocks are parsed only)"),
        Map.entry("global_defs/vrrp_version", "default of every vrrp_instance (resolved by the config bridge)"),
        Map.entry("global_defs/vrrp_garp_master_delay", "default of every vrrp_instance (resolved by the config bridge)"),
        Map.entry("global_defs/vrrp_garp_master_repeat", "default of every vrrp_instance (resolved by the config bridge)"),
        Map.entry("track_file/file", "watched with inotify (JDK WatchService); read 20 ms after a write, move-in or delete"),
        Map.entry("vrrp_track_file/file", "watched with inotify (JDK WatchService); read 20 ms after a write, move-in or delete"),
        Map.entry("vrrp_track_process/process", "/proc is scanned every second (keepalived: proc connector events)"),
        Map.entry("vrrp_track_process/delay", "rounded up to whole 1 s scans; applies to every loss/gain of quorum"),
        Map.entry("vrrp_track_process/terminate_delay", "rounded up to whole 1 s scans; applies to every loss of quorum"),
        Map.entry("vrrp_track_process/fork_delay", "rounded up to whole 1 s scans; applies to every gain of quorum"),
        Map.entry("vrrp_instance/mcast_dst_ip", "adverts sent to this group (TTL 255) and the group joined for receive, instead of 224.0.0.18 / ff02::12"));

    static void apply(BlockSpec root) {
        mark(root, ROOT);
        for (Map.Entry<String, Set<String>> e : BLOCKS.entrySet()) {
            BlockSpec b = root.sub(e.getKey());
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
