package org.halo.vrrp.runtime.net;

import java.util.List;

import org.halo.linux.api.Address;
import org.halo.linux.api.Route;
import org.halo.linux.api.Rule;

/**
 * What one instance owns while MASTER: its virtual addresses (with keepalived's options already
 * applied: prefix, brd, dev, scope, label, nodad), virtual_routes and virtual_rules.
 */
public record VipSpec(String instance, List<Address> addresses, List<Route> routes, List<Rule> rules) {
    public VipSpec {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
    }

    /** keepalived's VIP text, as the logs, dumps and shell show it: "10.0.0.1/24 dev eth0 scope global". */
    public static String describe(Address a) {
        return a.address().getHostAddress() + "/" + a.prefixLength() + " dev " + a.device() + " scope "
                + a.scope().name().toLowerCase(java.util.Locale.ROOT) + (a.label() != null ? " label " + a.label() : "");
    }
}
