package org.halo.config.cm.internal;

import org.halo.config.cm.Pids;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.halo.config.grammar.Kind;
import org.halo.config.grammar.Node;
import org.halo.config.lex.Token;

/**
 * Turns a parsed keepalived.conf into the configurations to publish. Properties are the keywords of each block
 * (see {@link Pids}); identities are stable across reloads so an unchanged block is never touched.
 */
public final class Publisher {
    private Publisher() {
    }

    public static List<Desired> desired(Node root) {
        List<Desired> out = new ArrayList<>();
        Node g = root.last("global_defs");
        if (g != null) {
            out.add(new Desired(Pids.GLOBAL, false, "global_defs", props(g, "global_defs")));
        }
        Map<String, Object> globals = g == null ? Map.of() : props(g, "global_defs");
        for (Node n : root.all("vrrp_instance")) {
            Map<String, Object> p = props(n, "vrrp_instance:" + n.arg(0));
            p.put("name", n.arg(0));
            GlobalDefaults.apply(globals, p);
            out.add(new Desired(Pids.VRRP_INSTANCE, true, "vrrp_instance:" + n.arg(0), p));
        }
        for (Node n : root.all("vrrp_sync_group")) {
            out.add(named(Pids.VRRP_SYNC_GROUP, "vrrp_sync_group", n));
        }
        for (Node n : root.all("vrrp_script")) {
            out.add(named(Pids.VRRP_SCRIPT, "vrrp_script", n));
        }
        for (String k : List.of("track_file", "vrrp_track_file")) {
            for (Node n : root.all(k)) {
                out.add(named(Pids.TRACK_FILE, "track_file", n));
            }
        }
        for (Node n : root.all("vrrp_track_process")) {
            out.add(named(Pids.TRACK_PROCESS, "vrrp_track_process", n));
        }
        for (Node n : root.all("virtual_server_group")) {
            Map<String, Object> p = base(n, "virtual_server_group:" + n.arg(0));
            p.put("name", n.arg(0));
            p.put("members", items(n));
            out.add(new Desired(Pids.VIRTUAL_SERVER_GROUP, true, (String) p.get(Pids.KEY), p));
        }
        for (Node vs : root.all("virtual_server")) {
            String vsId = String.join(" ", words(vs));
            Map<String, Object> p = props(vs, "virtual_server:" + vsId);
            p.remove("real_server");
            p.put("virtual_server", vsId);
            out.add(new Desired(Pids.VIRTUAL_SERVER, true, "virtual_server:" + vsId, p));
            for (Node rs : vs.all("real_server")) {
                String rsId = String.join(" ", words(rs));
                Map<String, Object> rp = new LinkedHashMap<>(base(rs, "real_server:" + vsId + "/" + rsId));
                Map<String, Object> checkers = new LinkedHashMap<>();
                int idx = 0;
                for (Node c : rs.children()) {
                    if (c.spec() != null && c.spec().kind() == Kind.CHECKER) {
                        Map<String, Object> cp = props(c, "check:" + vsId + "/" + rsId + "/" + c.keyword() + "#" + idx++);
                        cp.put("type", c.keyword());
                        cp.put("virtual_server", vsId);
                        cp.put("real_server", rsId);
                        // keepalived: a checker without its own delay_loop uses the virtual server's
                        Node dl = vs.last("delay_loop");
                        if (!cp.containsKey("delay_loop") && dl != null) {
                            cp.put("delay_loop", String.join(" ", words(dl)));
                        }
                        checkers.put((String) cp.get(Pids.KEY), cp);
                    } else {
                        put(rp, c);
                    }
                }
                rp.put("virtual_server", vsId);
                rp.put("real_server", rsId);
                out.add(new Desired(Pids.REAL_SERVER, true, (String) rp.get(Pids.KEY), rp));
                for (Object cp : checkers.values()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) cp;
                    out.add(new Desired(Pids.CHECK, true, (String) m.get(Pids.KEY), m));
                }
            }
        }
        return out;
    }

    private static Desired named(String pid, String kind, Node n) {
        Map<String, Object> p = props(n, kind + ":" + n.arg(0));
        p.put("name", n.arg(0));
        return new Desired(pid, true, kind + ":" + n.arg(0), p);
    }

    private static Map<String, Object> base(Node n, String key) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Pids.SOURCE, Pids.SOURCE_VALUE);
        p.put(Pids.KEY, key);
        if (n.file() != null) {
            p.put("halo.file", n.file());
            p.put("halo.line", n.line());
        }
        return p;
    }

    /** Every keyword of the block: value -> joined words, flag -> "true", value block -> String[]. */
    static Map<String, Object> props(Node n, String key) {
        Map<String, Object> p = base(n, key);
        for (Node c : n.children()) {
            put(p, c);
        }
        return p;
    }

    private static void put(Map<String, Object> p, Node c) {
        String k = c.name();
        if (c.spec() != null && c.spec().kind() == Kind.LIST) {
            p.put(k, items(c));
        } else if (c.isBlock()) {
            // sub-blocks (authentication, url, nested checker blocks): keyword.subkeyword, repeated ones as arrays
            if ("authentication".equals(k)) {
                for (Node s : c.children()) {
                    p.put(s.name(), value(s));
                }
                return;
            }
            List<String> entries = new ArrayList<>();
            for (Node s : c.children()) {
                entries.add(s.keyword() + (s.args().isEmpty() ? "" : " " + value(s)));
            }
            Object prev = p.get(k);
            List<String> all = new ArrayList<>();
            if (prev instanceof String[] a) {
                all.addAll(List.of(a));
            }
            all.add(String.join(" ", entries));
            p.put(k, all.toArray(new String[0]));
        } else {
            p.put(k, value(c));
        }
    }

    private static String value(Node c) {
        return c.args().isEmpty() ? "true" : String.join(" ", words(c));
    }

    private static String[] items(Node block) {
        List<String> r = new ArrayList<>();
        for (Node i : block.children()) {
            List<String> w = new ArrayList<>();
            w.add(i.keyword());
            w.addAll(words(i));
            r.add(String.join(" ", w));
        }
        return r.toArray(new String[0]);
    }

    private static List<String> words(Node n) {
        List<String> w = new ArrayList<>();
        for (Token t : n.args()) {
            w.add(t.text());
        }
        return w;
    }
}
