package org.halo.config.grammar;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.halo.config.diag.Diagnostics;
import org.halo.config.diag.Severity;
import org.halo.config.lex.Token;

/**
 * Whole-configuration checks keepalived 2.2.7 makes after (or while) reading a block: end handlers
 * (vrrp_vscript_end_handler), reference resolution (track_script), interface existence, vrrp_complete_instance
 * (vrrp.c), address/route/rule parsing, check_data.c validation and script security. Messages are keepalived's.
 */
public final class Validator {
    private final Diagnostics d;
    private final Predicate<String> ifExists;
    private boolean badIf;
    private int nextRulePrio4 = 16384;
    private int nextRulePrio6 = 16384;

    public Validator(Diagnostics d, Predicate<String> ifExists) {
        this.d = d;
        this.ifExists = ifExists;
    }

    private void err(Node n, String m) {
        d.add(n.file(), n.line(), Severity.GENERAL_ERROR, m);
    }

    private void errNoLine(String m) {
        d.add(null, 0, Severity.GENERAL_ERROR, m);
    }

    public void validate(Node root) {
        Node global = root.last("global_defs");
        boolean strict = global != null && global.last("vrrp_strict") != null;
        boolean scriptSecurity = global != null && global.last("enable_script_security") != null;
        Set<String> scripts = new HashSet<>();
        List<String> vrrpScriptPaths = new ArrayList<>();
        for (Node s : root.all("vrrp_script")) {
            Node sc = s.last("script");
            if (sc == null || sc.args().isEmpty()) {
                d.add(s.file(), s.endLine(), Severity.GENERAL_ERROR, "No script set for vrrp_script " + s.arg(0) + " - removing");
            } else {
                scripts.add(s.arg(0));
                vrrpScriptPaths.add(sc.arg(0));
            }
        }
        for (Node n : root.all("static_ipaddress")) {
            addresses(n, null);
        }
        for (Node n : root.all("static_routes")) {
            routes(n, false);
        }
        for (Node n : root.all("static_rules")) {
            rules(n);
        }
        Set<String> instances = new HashSet<>();
        for (Node v : root.all("vrrp_instance")) {
            instance(v, strict, scripts);
            instances.add(v.arg(0));
            for (String k : List.of("notify_master", "notify_backup", "notify_fault", "notify_stop", "notify", "notify_deleted")) {
                Node nn = v.last(k);
                if (nn != null && !nn.args().isEmpty()) {
                    vrrpScriptPaths.add(nn.arg(0));
                }
            }
        }
        for (Node g : root.all("vrrp_sync_group")) {
            Node grp = g.last("group");
            boolean any = false;
            if (grp != null) {
                for (Node item : grp.children()) {
                    any |= instances.contains(item.keyword());
                }
            }
            if (!any) {
                errNoLine("Sync group " + g.arg(0) + " has no virtual router(s). removing");
            }
        }
        if (global != null) {
            Node ne = global.last("notification_email");
            if (ne != null && ne.children().isEmpty()) {
                d.add(ne.file(), ne.endLine(), Severity.GENERAL_ERROR, "Warning - empty notification_email block");
            }
        }
        for (Node vs : root.all("virtual_server")) {
            for (Node rs : vs.all("real_server")) {
                for (Node c : rs.children()) {
                    if ("HTTP_GET".equals(c.keyword()) || "SSL_GET".equals(c.keyword())) {
                        httpChecker(c);
                    }
                }
            }
            virtualServer(vs);
        }
        if (badIf) {
            d.add(null, 0, Severity.BAD_IF, "Non-existent interface specified in configuration");
        }
        if (!scriptSecurity && !root.all("vrrp_instance").isEmpty() && anyScriptFound(vrrpScriptPaths)) {
            d.add(null, 0, Severity.SECURITY, "SECURITY VIOLATION - scripts are being executed but script_security not enabled.");
        }
        List<String> checkScripts = new ArrayList<>();
        for (Node vs : root.all("virtual_server")) {
            for (Node rs : vs.all("real_server")) {
                for (Node c : rs.all("MISC_CHECK")) {
                    Node p = c.last("misc_path");
                    if (p != null && !p.args().isEmpty()) {
                        checkScripts.add(p.arg(0));
                    }
                }
            }
        }
        if (!scriptSecurity && anyScriptFound(checkScripts)) {
            d.add(null, 0, Severity.SECURITY, "SECURITY VIOLATION - check scripts are being executed but script_security not enabled.");
        }
    }

    /** check_http.c end handlers: a url needs a path, a checker needs a url. */
    private void httpChecker(Node c) {
        int urls = 0;
        for (Node u : c.all("url")) {
            if (u.last("path") == null) {
                d.add(u.file(), u.endLine(), Severity.GENERAL_ERROR, "HTTP/SSL_GET checker url has no path - ignoring");
            } else {
                urls++;
            }
        }
        if (urls == 0) {
            d.add(c.file(), c.endLine(), Severity.GENERAL_ERROR, "HTTP/SSL_GET checker has no urls specified - ignoring");
        }
    }

    private static final Set<String> SCHEDULERS = Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr",
        "sed", "nq", "twos");

    /** check_data.c validate_check_config for one virtual server; FMT_VS is "[IP]:proto:port" or "FWM n". */
    private void virtualServer(Node vs) {
        boolean fwmark = "fwmark".equals(vs.arg(0));
        boolean group = "group".equals(vs.arg(0));
        Node protoNode = vs.last("protocol");
        String proto = protoNode == null || protoNode.arg(0) == null ? null : protoNode.arg(0).toLowerCase(java.util.Locale.ROOT);
        if (proto != null && !Set.of("tcp", "udp", "sctp").contains(proto)) {
            proto = null;
        }
        String name = fwmark ? "FWM " + vs.arg(1) : group ? vs.arg(1) : "[" + vs.arg(0) + "]:" + (proto == null ? "none" : proto) + ":" + vs.arg(1);
        if (vs.all("real_server").isEmpty()) {
            errNoLine("Virtual server " + name + " has no real servers - ignoring");
            return;
        }
        if (fwmark && protoNode != null) {
            errNoLine("Warning: Virtual server FWM " + vs.arg(1) + ": protocol specified for fwmark - protocol will be ignored");
        }
        if (!fwmark && !group && proto == null) {
            errNoLine("Virtual server " + name + ": no protocol set - defaulting to UDP");
            name = "[" + vs.arg(0) + "]:udp:" + vs.arg(1);
        }
        Node sched = vs.last("lvs_sched");
        if (sched == null || !SCHEDULERS.contains(sched.arg(0))) {
            errNoLine("Virtual server " + name + ": no scheduler set, setting default 'wlc'");
        }
        Node m = vs.last("lvs_method");
        boolean vsMethod = m != null && Set.of("NAT", "DR", "TUN").contains(m.arg(0));
        if (!vsMethod) {
            for (Node rs : vs.all("real_server")) {
                Node rm = rs.last("lvs_method");
                if (rm == null || !Set.of("NAT", "DR", "TUN").contains(rm.arg(0))) {
                    errNoLine("Virtual server " + name + ": no forwarding method set, setting default NAT");
                }
            }
        }
    }

    private static Node lastChild(Node n) {
        List<Node> c = n.children();
        return c.isEmpty() ? null : c.get(c.size() - 1);
    }

    /** keepalived's check_script_secure: a script "is a script" when its command resolves to an existing file. */
    static boolean anyScriptFound(List<String> commands) {
        for (String cmd : commands) {
            String first = cmd.strip().split("\\s+")[0];
            if (first.isEmpty() || first.startsWith("<")) {
                continue;
            }
            if (first.indexOf('/') >= 0) {
                if (Files.exists(Path.of(first))) {
                    return true;
                }
                continue;
            }
            String path = System.getenv("PATH");
            for (String dir : (path == null ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" : path).split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, first))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void iface(Node n, String name, String message) {
        if (!ifExists.test(name)) {
            err(n, message);
            badIf = true;
        }
    }

    private void instance(Node v, boolean globalStrict, Set<String> scripts) {
        String name = v.arg(0);
        Node itf = v.last("interface");
        if (itf != null && itf.arg(0) != null) {
            iface(itf, itf.arg(0), "WARNING - interface " + itf.arg(0) + " for vrrp_instance " + name + " doesn't exist");
        }
        Node ti = v.last("track_interface");
        if (ti != null) {
            for (Node item : ti.children()) {
                iface(item, item.keyword(), "(" + name + ") tracked interface " + item.keyword() + " doesn't exist");
            }
        }
        Node ts = v.last("track_script");
        if (ts != null) {
            for (Node item : ts.children()) {
                if (!scripts.contains(item.keyword())) {
                    err(item, "(" + name + ") track script " + item.keyword() + " not found, ignoring...");
                }
            }
        }
        for (String k : List.of("virtual_ipaddress", "virtual_ipaddress_excluded")) {
            for (Node n : v.all(k)) {
                addresses(n, name);
            }
        }
        for (Node n : v.all("virtual_routes")) {
            routes(n, true);
            HaloRoutes.noteUnsupported(d, n, true);
        }
        for (Node n : v.all("virtual_rules")) {
            rules(n);
            HaloRoutes.noteUnsupported(d, n, false);
        }
        int peers = 0;
        for (Node up : v.all("unicast_peer")) {
            for (Node item : up.children()) {
                if (validIp(item.keyword())) {
                    peers++;
                } else {
                    err(item, "Configuration error: VRRP instance[" + name + "] malformed unicast peer address[" + item.keyword()
                        + "]. Skipping...");
                }
            }
        }
        boolean unicastConfigured = v.last("unicast_peer") != null || v.last("unicast_src_ip") != null || v.last("unicast_ttl") != null;
        if (unicastConfigured && peers == 0 && v.last("unicast_fault_no_peer") == null) {
            // vrrp.c vrrp_complete_instance, deprecated after v2.2.4
            d.add(null, 0, Severity.DEPRECATED, "(" + name + ") A unicast keyword has been specified without any unicast peers."
                + " Defaulting to multicast. This usage is deprecated - please update your configuration.");
        }
        Node lsd = v.last("lvs_sync_daemon_interface");
        if (lsd != null) {
            err(lsd, "(" + name + ") Specifying lvs_sync_daemon_interface against a vrrp is deprecated.");
            err(lsd, "      " + " ".repeat(Math.max(0, name.length() - 2)) + "Please use global lvs_sync_daemon");
        }
        Node vrid = v.last("virtual_router_id");
        boolean vridOk = vrid != null && vrid.arg(0) != null && BYTE.matcher(vrid.arg(0)).matches()
            && Integer.parseInt(vrid.arg(0)) >= 1 && Integer.parseInt(vrid.arg(0)) <= 255;
        if (!vridOk) {
            errNoLine("(" + name + ") the virtual router id must be set");
            return;
        }
        // vrrp.c vrrp_complete_instance
        boolean hasVip = false;
        for (Node n : v.all("virtual_ipaddress")) {
            for (Node item : n.children()) {
                String a = item.keyword();
                hasVip |= validIp(a.contains("/") ? a.substring(0, a.indexOf('/')) : a);
            }
        }
        Node verEarly = v.last("version");
        boolean strictEarly = globalStrict || v.last("strict_mode") != null;
        if (!hasVip) {
            if (strictEarly || verEarly != null && "3".equals(verEarly.arg(0))) {
                errNoLine("(" + name + ") No VIP specified; at least one is required");
                return;
            }
            errNoLine("(" + name + ") No VIP specified; at least one is sensible");
        }
        Node st = v.last("state");
        String state = st == null ? null : st.arg(0);
        Node pr = v.last("priority");
        int prio = 0;
        if (pr != null && pr.arg(0) != null && BYTE.matcher(pr.arg(0)).matches()) {
            int p = Integer.parseInt(pr.arg(0));
            prio = p >= 1 && p <= 255 ? p : 100;
        } else if (pr != null) {
            prio = 100;
        }
        boolean master = "MASTER".equals(state);
        if (prio == 0) {
            prio = master ? 255 : 100;
        }
        boolean strict = globalStrict || v.last("strict_mode") != null && !"false".equals(v.last("strict_mode").arg(0));
        if (state != null && strict && master != (prio == 255)) {
            errNoLine("(" + name + ") State MASTER must match being address owner");
            master = prio == 255;
        }
        Node auth = v.last("authentication");
        String authType = null;
        if (auth != null && auth.last("auth_type") != null) {
            String t = auth.last("auth_type").arg(0);
            authType = "PASS".equals(t) || "AH".equals(t) ? t : null;
        }
        Node ver = v.last("version");
        boolean v3 = ver != null && "3".equals(ver.arg(0));
        if (authType != null) {
            if (strict) {
                errNoLine("(" + name + ") Strict mode does not support authentication. Ignoring.");
            } else if (v3) {
                errNoLine("(" + name + ") VRRP version 3 does not support authentication. Ignoring.");
            } else if ("AH".equals(authType) && master && prio != 255) {
                errNoLine("(" + name + ") Initial state master is incompatible with AH authentication - clearing");
            }
        }
    }

    /** vrrp_ipaddress.c parse_ipaddress: "VRRP parsed invalid IP" and interface existence of "dev". */
    private void addresses(Node block, String owner) {
        for (Node item : block.children()) {
            String a = item.keyword();
            String ip = a.contains("/") ? a.substring(0, a.indexOf('/')) : a;
            if (!validIp(ip)) {
                err(item, "VRRP parsed invalid IP " + a + ". skipping IP...");
                continue;
            }
            List<String> w = words(item);
            int dev = w.indexOf("dev");
            if (dev >= 0 && dev + 1 < w.size()) {
                iface(item, w.get(dev + 1), "WARNING - interface " + w.get(dev + 1) + " for ip address " + a + " doesn't exist");
            }
        }
    }

    private static List<String> words(Node item) {
        List<String> w = new ArrayList<>();
        for (Token t : item.args()) {
            w.add(t.text());
        }
        return w;
    }

    private static final Set<String> ROUTE_TYPES = Set.of("unicast", "blackhole", "unreachable", "prohibit", "throw", "local",
        "broadcast", "anycast", "multicast", "nat");

    /** vrrp_iproute.c alloc_route: deprecations, interface existence and the tracking warning. */
    private void routes(Node block, boolean virtual) {
        for (Node item : block.children()) {
            List<String> w = new ArrayList<>();
            w.add(item.keyword());
            w.addAll(words(item));
            String dest = null;
            boolean hasDev = false;
            boolean noTrack = !virtual;
            for (int i = 0; i < w.size(); i++) {
                String s = w.get(i);
                switch (s) {
                    case "src":
                    case "via":
                    case "table":
                    case "metric":
                    case "priority":
                    case "preference":
                    case "scope":
                    case "proto":
                    case "protocol":
                    case "realms":
                    case "mtu":
                    case "advmss":
                    case "weight":
                        i++;
                        break;
                    case "gw":
                        err(item, "\"gw\" for routes is deprecated. Please use \"via\"");
                        i++;
                        break;
                    case "or":
                        err(item, "\"or\" for routes is deprecated. Please use \"nexthop\"");
                        i++;
                        break;
                    case "dev":
                    case "oif":
                        if (i + 1 < w.size()) {
                            hasDev = true;
                            iface(item, w.get(i + 1), "WARNING - interface " + w.get(i + 1) + " for VROUTE nexthop doesn't exist");
                        }
                        i++;
                        break;
                    case "no_track":
                        noTrack = true;
                        break;
                    default:
                        if (dest == null && !ROUTE_TYPES.contains(s)) {
                            dest = s;
                        }
                        break;
                }
            }
            if (dest != null && !noTrack && !hasDev) {
                err(item, "Warning - cannot track route " + dest + " with no interface specified, not tracking");
            }
        }
    }

    /** vrrp_iprule.c alloc_rule: invalid addresses and the default preference. */
    private void rules(Node block) {
        for (Node item : block.children()) {
            List<String> w = new ArrayList<>();
            w.add(item.keyword());
            w.addAll(words(item));
            boolean prio = false;
            boolean ok = true;
            boolean v6 = false;
            for (int i = 0; i < w.size(); i++) {
                String s = w.get(i);
                if (("from".equals(s) || "to".equals(s)) && i + 1 < w.size()) {
                    String a = w.get(++i);
                    String ip = a.contains("/") ? a.substring(0, a.indexOf('/')) : a;
                    v6 |= ip.contains(":");
                    if (!"all".equals(a) && !validIp(ip)) {
                        err(item, "VRRP parsed invalid IP " + a + ". skipping IP...");
                        err(item, "Invalid rule " + s + " address " + a);
                        ok = false;
                        break;
                    }
                } else if ("preference".equals(s) || "priority".equals(s) || "pref".equals(s) || "prio".equals(s)) {
                    prio = true;
                    i++;
                }
            }
            if (ok && !prio) {
                int p = v6 ? nextRulePrio6-- : nextRulePrio4--;
                err(item, "Rule has no preference specified - setting to " + p + ". This is probably not what you want.");
            }
        }
    }

    private static final java.util.regex.Pattern V6 = java.util.regex.Pattern.compile("[0-9a-fA-F:.]+");
    private static final java.util.regex.Pattern BYTE = java.util.regex.Pattern.compile("\\d{1,3}");

    static boolean validIp(String s) {
        if (s.indexOf(':') >= 0) {
            return V6.matcher(s).matches() && s.length() >= 2;
        }
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                String x = s.substring(start, i);
                if (!BYTE.matcher(x).matches() || Integer.parseInt(x) > 255) {
                    return false;
                }
                parts++;
                start = i + 1;
            }
        }
        return parts == 4;
    }
}
