package org.halo.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.halo.config.grammar.Kind;
import org.halo.config.grammar.Node;
import org.halo.config.lex.Token;
import org.halo.config.model.Authentication;
import org.halo.config.model.Checker;
import org.halo.config.model.GlobalDefs;
import org.halo.config.model.KeepalivedConfig;
import org.halo.config.model.Notify;
import org.halo.config.model.Options;
import org.halo.config.model.RealServer;
import org.halo.config.model.RouteSpec;
import org.halo.config.model.Source;
import org.halo.config.model.SyncGroup;
import org.halo.config.model.TrackFile;
import org.halo.config.model.TrackProcess;
import org.halo.config.model.Tracked;
import org.halo.config.model.VirtualAddress;
import org.halo.config.model.VirtualServer;
import org.halo.config.model.VirtualServerGroup;
import org.halo.config.model.VrrpInstance;
import org.halo.config.model.VrrpScript;

/**
 * Turns the validated keyword tree into the immutable model. Invalid values were already reported by the parser;
 * here they fall back to keepalived's defaults, as keepalived does after its message.
 */
public final class ModelBuilder {
    private ModelBuilder() {
    }

    public static KeepalivedConfig build(Node root) {
        GlobalDefs g = global(root.last("global_defs"));
        List<VrrpScript> scripts = new ArrayList<>();
        for (Node n : root.all("vrrp_script")) {
            if (n.last("script") != null && !n.last("script").args().isEmpty()) {
                scripts.add(script(n));
            }
        }
        List<TrackFile> files = new ArrayList<>();
        for (String k : List.of("track_file", "vrrp_track_file")) {
            for (Node n : root.all(k)) {
                files.add(new TrackFile(n.arg(0), src(n), str(n, "file"), integer(n.last("weight"), 1), "reverse".equals(arg(n.last("weight"), 1)),
                    str(n, "init_file"), options(n)));
            }
        }
        List<TrackProcess> procs = new ArrayList<>();
        for (Node n : root.all("vrrp_track_process")) {
            procs.add(new TrackProcess(n.arg(0), src(n), str(n, "process"), str(n, "param_match"), integer(n.last("weight"), 0),
                "reverse".equals(arg(n.last("weight"), 1)), integer(n.last("quorum"), 1),
                n.last("quorum_max") == null ? null : integer(n.last("quorum_max"), 1), seconds(n.last("delay")),
                seconds(n.last("terminate_delay")), seconds(n.last("fork_delay")), n.last("full_command") != null, options(n)));
        }
        List<VrrpInstance> instances = new ArrayList<>();
        for (Node n : root.all("vrrp_instance")) {
            instances.add(instance(n, g));
        }
        List<SyncGroup> groups = new ArrayList<>();
        for (Node n : root.all("vrrp_sync_group")) {
            List<String> members = new ArrayList<>();
            Node grp = n.last("group");
            if (grp != null) {
                for (Node i : grp.children()) {
                    members.add(i.keyword());
                }
            }
            groups.add(new SyncGroup(n.arg(0), src(n), members, notify(n), tracked(n, "track_interface"), tracked(n, "track_script"),
                tracked(n, "track_file"), tracked(n, "track_process"), options(n)));
        }
        List<VirtualServerGroup> vsgs = new ArrayList<>();
        for (Node n : root.all("virtual_server_group")) {
            List<List<String>> members = new ArrayList<>();
            for (Node i : n.children()) {
                members.add(words(i, true));
            }
            vsgs.add(new VirtualServerGroup(n.arg(0), src(n), members));
        }
        List<VirtualServer> vss = new ArrayList<>();
        for (Node n : root.all("virtual_server")) {
            vss.add(virtualServer(n));
        }
        return new KeepalivedConfig(g, scripts, files, procs, instances, groups, addresses(root, "static_ipaddress"),
            routes(root, "static_routes"), routes(root, "static_rules"), vsgs, vss);
    }

    private static GlobalDefs global(Node n) {
        if (n == null) {
            return new GlobalDefs(null, null, List.of(), null, null, null, false, false, null, null, null, false, null, null, null,
                Options.empty());
        }
        List<String> emails = new ArrayList<>();
        Node ne = n.last("notification_email");
        if (ne != null) {
            for (Node i : ne.children()) {
                emails.add(i.keyword());
            }
        }
        Node ver = n.last("vrrp_version");
        return new GlobalDefs(src(n), str(n, "router_id"), emails, str(n, "notification_email_from"), str(n, "smtp_server"),
            seconds(n.last("smtp_connect_timeout")), n.last("vrrp_strict") != null, n.last("enable_script_security") != null,
            str(n, "script_user"), seconds(n.last("vrrp_garp_interval")), seconds(n.last("vrrp_gna_interval")),
            n.last("vrrp_skip_check_adv_addr") != null, ver == null ? null : integer(ver, 2), str(n, "vrrp_mcast_group4"),
            str(n, "vrrp_mcast_group6"), options(n));
    }

    private static VrrpScript script(Node n) {
        Node w = n.last("weight");
        int rise = integer(n.last("rise"), 1);
        int fall = integer(n.last("fall"), 1);
        Duration interval = seconds(n.last("interval"));
        return new VrrpScript(n.arg(0), src(n), str(n, "script"), interval == null || interval.isZero() ? Duration.ofSeconds(1) : interval,
            seconds(n.last("timeout")), clamp(integer(w, 0), -253, 253), "reverse".equals(arg(w, 1)), rise < 1 ? 1 : rise,
            fall < 1 ? 1 : fall, str(n, "user"), n.last("init_fail") != null, options(n));
    }

    private static VrrpInstance instance(Node n, GlobalDefs g) {
        String state = str(n, "state");
        Node pr = n.last("priority");
        int prio = pr == null ? ("MASTER".equals(state) ? 255 : 100) : integer(pr, 100);
        if (prio < 1 || prio > 255) {
            prio = 100;
        }
        Node ver = n.last("version");
        int version = ver != null ? integer(ver, 2) : g.vrrpVersion() != null ? g.vrrpVersion() : 2;
        Node auth = n.last("authentication");
        Authentication a = auth == null || auth.last("auth_type") == null ? null
            : new Authentication(str(auth, "auth_type"), str(auth, "auth_pass"));
        List<String> peers = new ArrayList<>();
        Node up = n.last("unicast_peer");
        if (up != null) {
            for (Node i : up.children()) {
                peers.add(i.keyword());
            }
        }
        Node vmac = n.last("use_vmac");
        Duration adv = seconds(n.last("advert_int"));
        return new VrrpInstance(n.arg(0), src(n), state, str(n, "interface"), integer(n.last("virtual_router_id"), 0), prio,
            adv == null || adv.isZero() ? Duration.ofSeconds(1) : adv, version, n.last("nopreempt") != null,
            seconds(n.last("preempt_delay")), str(n, "unicast_src_ip"), peers, str(n, "mcast_src_ip"),
            addresses(n, "virtual_ipaddress"), addresses(n, "virtual_ipaddress_excluded"), routes(n, "virtual_routes"),
            routes(n, "virtual_rules"), tracked(n, "track_interface"), tracked(n, "track_script"), tracked(n, "track_file"),
            tracked(n, "track_process"), notify(n), a, vmac == null ? null : (vmac.arg(0) == null ? "" : vmac.arg(0)),
            n.last("accept") != null, g.vrrpStrict() || n.last("strict_mode") != null, n.last("dont_track_primary") != null,
            seconds(n.last("garp_master_delay")), n.last("garp_master_repeat") == null ? null : integer(n.last("garp_master_repeat"), 5),
            seconds(n.last("garp_master_refresh")), options(n));
    }

    private static Notify notify(Node n) {
        return new Notify(str(n, "notify_master"), str(n, "notify_backup"), str(n, "notify_fault"), str(n, "notify_stop"),
            str(n, "notify_deleted"), str(n, "notify"), str(n, "notify_master_rx_lower_pri"), n.last("smtp_alert") != null,
            n.last("notify_priority_changes") != null);
    }

    private static VirtualServer virtualServer(Node n) {
        String kind = "ip";
        String addr = n.arg(0);
        Integer port = null;
        if ("fwmark".equals(addr) || "group".equals(addr)) {
            kind = addr;
            addr = n.arg(1);
        } else if (n.arg(1) != null) {
            port = integerOrNull(n.arg(1));
        }
        List<RealServer> rss = new ArrayList<>();
        for (Node rs : n.all("real_server")) {
            List<Checker> checkers = new ArrayList<>();
            for (Node c : rs.children()) {
                if (c.spec() != null && c.spec().kind() == Kind.CHECKER) {
                    checkers.add(checker(c));
                }
            }
            rss.add(new RealServer(rs.arg(0), integerOrNull(rs.arg(1)), src(rs), integer(rs.last("weight"), 1), str(rs, "lvs_method"),
                rs.last("inhibit_on_failure") != null, str(rs, "notify_up"), str(rs, "notify_down"), checkers, options(rs)));
        }
        Node sorry = n.last("sorry_server");
        String proto = str(n, "protocol");
        Node pt = n.last("persistence_timeout");
        return new VirtualServer(kind, addr, port, src(n), seconds(n.last("delay_loop")), str(n, "lvs_sched"), str(n, "lvs_method"),
            proto == null ? null : proto.toUpperCase(java.util.Locale.ROOT),
            pt == null ? null : pt.args().isEmpty() ? 360 : integer(pt, 360), str(n, "persistence_granularity"),
            integer(n.last("quorum"), 1), integer(n.last("hysteresis"), 0), n.last("alpha") != null, n.last("omega") != null,
            str(n, "quorum_up"), str(n, "quorum_down"), arg(sorry, 0), sorry == null ? null : integerOrNull(arg(sorry, 1)),
            str(n, "virtualhost"), rss, options(n));
    }

    /** Generic (type, properties, sub-blocks) for any checker, built-in or plug-in. */
    static Checker checker(Node c) {
        Map<String, List<String>> props = new LinkedHashMap<>();
        List<Checker> blocks = new ArrayList<>();
        for (Node p : c.children()) {
            if (p.isBlock()) {
                blocks.add(checker(p));
            } else {
                props.put(p.keyword(), words(p, false));
            }
        }
        if (!c.args().isEmpty()) {
            props.putIfAbsent("_args", words(c, false));
        }
        return new Checker(c.keyword(), src(c), props, blocks);
    }

    private static List<VirtualAddress> addresses(Node n, String kw) {
        List<VirtualAddress> r = new ArrayList<>();
        for (Node b : n.all(kw)) {
            for (Node i : b.children()) {
                String a = i.keyword();
                Integer prefix = null;
                int slash = a.indexOf('/');
                if (slash > 0) {
                    prefix = integerOrNull(a.substring(slash + 1));
                    a = a.substring(0, slash);
                }
                List<String> w = words(i, false);
                r.add(new VirtualAddress(a, prefix, after(w, "brd"), after(w, "dev"), after(w, "scope"), after(w, "label"),
                    w.contains("no_track"), src(i), words(i, true)));
            }
        }
        return r;
    }

    private static List<RouteSpec> routes(Node n, String kw) {
        List<RouteSpec> r = new ArrayList<>();
        for (Node b : n.all(kw)) {
            for (Node i : b.children()) {
                r.add(new RouteSpec(words(i, true), src(i)));
            }
        }
        return r;
    }

    private static List<Tracked> tracked(Node n, String kw) {
        List<Tracked> r = new ArrayList<>();
        for (Node b : n.all(kw)) {
            for (Node i : b.children()) {
                List<String> w = words(i, false);
                Integer weight = "weight".equals(w.isEmpty() ? null : w.get(0)) && w.size() > 1 ? integerOrNull(w.get(1)) : null;
                r.add(new Tracked(i.keyword(), weight, w.contains("reverse")));
            }
        }
        return r;
    }

    private static Options options(Node n) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Node c : n.children()) {
            if (c.isBlock()) {
                List<String> items = new ArrayList<>();
                for (Node i : c.children()) {
                    if (!i.isBlock()) {
                        items.add(String.join(" ", words(i, true)));
                    }
                }
                m.put(c.keyword(), items);
            } else {
                m.put(c.keyword(), words(c, false));
            }
        }
        return new Options(m);
    }

    static List<String> words(Node n, boolean withKeyword) {
        List<String> w = new ArrayList<>();
        if (withKeyword) {
            w.add(n.keyword());
        }
        for (Token t : n.args()) {
            w.add(t.text());
        }
        return w;
    }

    private static String after(List<String> w, String key) {
        int i = w.indexOf(key);
        return i >= 0 && i + 1 < w.size() ? w.get(i + 1) : null;
    }

    private static Source src(Node n) {
        return new Source(n.file(), n.line());
    }

    private static String str(Node block, String kw) {
        Node n = block.last(kw);
        return n == null ? null : n.arg(0);
    }

    private static String arg(Node n, int i) {
        return n == null ? null : n.arg(i);
    }

    private static int integer(Node n, int dflt) {
        Integer v = n == null ? null : integerOrNull(n.arg(0));
        return v == null ? dflt : v;
    }

    private static Integer integerOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** keepalived timers: decimal seconds with micro-second resolution; null when absent or invalid. */
    private static Duration seconds(Node n) {
        if (n == null || n.arg(0) == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(n.arg(0).strip());
            if (d.signum() < 0) {
                return null;
            }
            return Duration.ofNanos(d.movePointRight(9).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
