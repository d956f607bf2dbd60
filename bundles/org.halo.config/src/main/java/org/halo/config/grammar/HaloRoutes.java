package org.halo.config.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.halo.config.diag.Diagnostics;
import org.halo.config.diag.Severity;
import org.halo.config.lex.Token;

/**
 * What the Halo runtime installs of a virtual_routes / virtual_rules line (org.halo.vrrp.runtime's RouteMapping
 * reads the same words); any other option is accepted as keepalived does and reported as a note with file:line,
 * since the route or rule is installed without it.
 */
final class HaloRoutes {
    private static final Set<String> ROUTE_VALUE = Set.of("to", "src", "via", "gw", "dev", "oif", "scope", "table", "metric", "priority",
        "preference");
    private static final Set<String> ROUTE_FLAG = Set.of("unicast", "blackhole", "unreachable", "prohibit", "no_track", "track");
    private static final Set<String> RULE_VALUE = Set.of("from", "to", "iif", "dev", "oif", "fwmark", "preference", "priority", "pref",
        "prio", "table", "lookup");

    private HaloRoutes() {
    }

    static void noteUnsupported(Diagnostics d, Node block, boolean route) {
        for (Node item : block.children()) {
            List<String> w = new ArrayList<>();
            w.add(item.keyword());
            for (Token t : item.args()) {
                w.add(t.text());
            }
            boolean haveDst = !route;
            for (int i = 0; i < w.size(); i++) {
                String s = w.get(i).toLowerCase(Locale.ROOT);
                if (route ? ROUTE_VALUE.contains(s) : RULE_VALUE.contains(s)) {
                    haveDst |= s.equals("to");
                    i++;
                } else if (route && ROUTE_FLAG.contains(s)) {
                    continue;
                } else if (route && !haveDst && (s.equals("default") || (!s.isEmpty() && Character.isDigit(s.charAt(0))) || s.indexOf(':') >= 0)) {
                    haveDst = true;
                } else {
                    d.add(item.file(), item.line(), Severity.NOTE, (route ? "virtual_routes" : "virtual_rules") + " option '" + w.get(i)
                        + "' is parsed but not implemented by Halo yet - ignored");
                }
            }
        }
    }
}
