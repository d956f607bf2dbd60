package org.halo.vrrp.runtime.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.halo.linux.api.AddressScope;
import org.halo.linux.api.Route;
import org.halo.linux.api.Rule;

/**
 * keepalived's virtual_routes / virtual_rules lines (vrrp_iproute.c alloc_route, vrrp_iprule.c alloc_rule,
 * iproute2 syntax) to rtnetlink routes and rules. The common options are supported; a word Halo does not
 * support makes the line {@link Parsed#unsupported() report} it, and the line is still installed without it
 * when the rest is complete (the config test reports the same words with file:line).
 *
 * <p>Routes: {@code [unicast|blackhole|unreachable|prohibit] [to] DEST[/LEN]|default [src IP] [via|gw IP]
 * [dev|oif IF] [scope S] [table T] [metric|priority|preference N] [no_track]}.
 * Rules: {@code [from IP[/LEN]|all] [to IP[/LEN]|all] [iif|dev IF] [oif IF] [fwmark N] [preference|priority|pref|prio N]
 * [table|lookup T]}.
 */
public final class RouteMapping {
    /** Route words with a value that are understood (the rest of keepalived's list is reported). */
    public static final Set<String> ROUTE_WORDS = Set.of("to", "src", "via", "gw", "dev", "oif", "scope", "table", "metric", "priority",
            "preference");
    /** Route words without a value that are understood. */
    public static final Set<String> ROUTE_FLAGS = Set.of("unicast", "blackhole", "unreachable", "prohibit", "no_track", "track");
    /** Rule words with a value that are understood. */
    public static final Set<String> RULE_WORDS = Set.of("from", "to", "iif", "dev", "oif", "fwmark", "preference", "priority", "pref", "prio",
            "table", "lookup");

    private RouteMapping() {
    }

    /** A parsed line, or null with the reason; {@code unsupported} lists words that were skipped. */
    public record Parsed<T>(T value, String error, List<String> unsupported) {
    }

    public static Parsed<Route> route(String line) {
        String[] w = line.trim().split("\\s+");
        InetAddress dst = null;
        int len = 0;
        boolean haveDst = false;
        InetAddress gw = null;
        InetAddress src = null;
        String dev = null;
        AddressScope scope = null;
        int table = Route.TABLE_MAIN;
        int metric = 0;
        int type = Route.RTN_UNICAST;
        List<String> unsupported = new ArrayList<>();
        try {
            for (int i = 0; i < w.length; i++) {
                String s = w[i].toLowerCase(Locale.ROOT);
                boolean hasValue = i + 1 < w.length;
                switch (s) {
                    case "unicast" -> type = Route.RTN_UNICAST;
                    case "blackhole" -> type = Route.RTN_BLACKHOLE;
                    case "unreachable" -> type = Route.RTN_UNREACHABLE;
                    case "prohibit" -> type = Route.RTN_PROHIBIT;
                    case "no_track", "track" -> {
                        // route tracking (a VROUTE's interface going down) is not implemented: no effect on the route itself
                    }
                    case "to" -> {
                        if (hasValue) {
                            InetAddress[] a = new InetAddress[1];
                            len = prefix(w[++i], a);
                            dst = a[0];
                            haveDst = true;
                        }
                    }
                    case "src" -> src = hasValue ? literal(w[++i]) : null;
                    case "via", "gw" -> gw = hasValue ? literal(w[++i]) : null;
                    case "dev", "oif" -> dev = hasValue ? w[++i] : null;
                    case "scope" -> scope = hasValue ? scope(w[++i]) : null;
                    case "table" -> table = hasValue ? table(w[++i]) : table;
                    case "metric", "priority", "preference" -> metric = hasValue ? (int) Long.parseLong(w[++i]) : 0;
                    default -> {
                        if (!haveDst && (s.equals("default") || Character.isDigit(s.charAt(0)) || s.indexOf(':') >= 0)) {
                            InetAddress[] a = new InetAddress[1];
                            len = s.equals("default") ? 0 : prefix(w[i], a);
                            dst = a[0];
                            haveDst = true;
                        } else {
                            unsupported.add(w[i]);
                            // keepalived's value options: skip the value with the word
                            if (hasValue && VALUE_OPTIONS.contains(s)) {
                                unsupported.add(w[++i]);
                            }
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return new Parsed<>(null, e.getMessage(), unsupported);
        }
        if (!haveDst) {
            return new Parsed<>(null, "no destination", unsupported);
        }
        boolean v6 = dst instanceof Inet6Address || gw instanceof Inet6Address || src instanceof Inet6Address;
        return new Parsed<>(new Route(dst, len, gw, dev, src, table, metric, scope, type, v6), null, unsupported);
    }

    /** keepalived's route options that take a value but are not supported here (reported with their value). */
    private static final Set<String> VALUE_OPTIONS = Set.of("or", "nexthop", "mtu", "advmss", "realms", "weight", "proto", "protocol", "tos",
            "dsfield", "rtt", "rttvar", "rto_min", "ssthresh", "cwnd", "initcwnd", "initrwnd", "features", "quickack", "congctl", "pref",
            "fastopen_no_cookie", "hoplimit", "reordering", "window", "lock", "expires", "encap");

    /**
     * @param ipv6Default the family of a rule with neither from nor to (the instance's family)
     */
    public static Parsed<Rule> rule(String line, boolean ipv6Default) {
        String[] w = line.trim().split("\\s+");
        InetAddress from = null;
        int fromLen = 0;
        InetAddress to = null;
        int toLen = 0;
        String iif = null;
        String oif = null;
        int fwmark = 0;
        int prio = 0;
        int table = Route.TABLE_MAIN;
        List<String> unsupported = new ArrayList<>();
        try {
            for (int i = 0; i < w.length; i++) {
                String s = w[i].toLowerCase(Locale.ROOT);
                if (!RULE_WORDS.contains(s) || i + 1 >= w.length) {
                    unsupported.add(w[i]);
                    continue;
                }
                String v = w[++i];
                switch (s) {
                    case "from" -> {
                        InetAddress[] a = new InetAddress[1];
                        fromLen = v.equals("all") ? 0 : prefix(v, a);
                        from = a[0];
                    }
                    case "to" -> {
                        InetAddress[] a = new InetAddress[1];
                        toLen = v.equals("all") ? 0 : prefix(v, a);
                        to = a[0];
                    }
                    case "iif", "dev" -> iif = v;
                    case "oif" -> oif = v;
                    case "fwmark" -> {
                        if (v.contains("/")) {
                            // only the full mask 0xffffffff is sent
                            unsupported.add("fwmark mask " + v.substring(v.indexOf('/')));
                            v = v.substring(0, v.indexOf('/'));
                        }
                        fwmark = (int) Long.decode(v).longValue();
                    }
                    case "preference", "priority", "pref", "prio" -> prio = (int) Long.parseLong(v);
                    default -> table = table(v); // table, lookup
                }
            }
        } catch (IllegalArgumentException e) {
            return new Parsed<>(null, e.getMessage(), unsupported);
        }
        boolean v6 = from != null ? from instanceof Inet6Address : to != null ? to instanceof Inet6Address : ipv6Default;
        return new Parsed<>(new Rule(v6, from, fromLen, to, toLen, iif, oif, fwmark, prio, table), null, unsupported);
    }

    private static int prefix(String text, InetAddress[] out) {
        int slash = text.indexOf('/');
        InetAddress a = literal(slash < 0 ? text : text.substring(0, slash));
        out[0] = a;
        int max = a instanceof Inet6Address ? 128 : 32;
        int len = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
        if (len < 0 || len > max) {
            throw new IllegalArgumentException("invalid prefix length in " + text);
        }
        return len;
    }

    private static AddressScope scope(String name) {
        try {
            return AddressScope.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scope " + name, e);
        }
    }

    /** iproute2's reserved table names and numbers; names from /etc/iproute2/rt_tables are not read. */
    static int table(String v) {
        switch (v) {
            case "main":
                return Route.TABLE_MAIN;
            case "local":
                return 255;
            case "default":
                return 253;
            default:
                try {
                    return (int) Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("table " + v + " is not a number (named tables are not supported)", e);
                }
        }
    }

    private static InetAddress literal(String text) {
        return AddressLiterals.plain(text);
    }
}
