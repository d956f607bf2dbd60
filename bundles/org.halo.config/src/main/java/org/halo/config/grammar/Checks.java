package org.halo.config.grammar;

import java.util.Set;

import org.halo.config.diag.Severity;

/**
 * Validation overlaid on the generated keyword tree. Each check reproduces the handler of keepalived 2.2.7
 * (vrrp_parser.c, global_parser.c, check_parser.c, check_api.c) as run under {@code -t}: the number reader's
 * message, then the handler's own follow-up message, both with keepalived's wording.
 */
final class Checks {
    private Checks() {
    }

    static final long TIMER_HZ = 1_000_000L;
    static final long UINT_MAX = 0xffffffffL;
    static final long TIMER_MAXIMUM = Long.MAX_VALUE;   // ULONG_MAX - 1 in keepalived; unreachable in practice

    /** The word at {@code index} (1-based like strvec) must exist, or keepalived aborts (null_strvec). */
    static Check need(int index) {
        return (n, ctx) -> {
            if (n.args().size() < index) {
                ctx.report(n, Severity.MISSING_PARAMETER, "*** Configuration line starting `" + n.keyword()
                    + "` is missing a parameter at word position " + (index + 1));
                throw new MissingParameter(n.keyword());
            }
        };
    }

    /** unsigned in [min, max]; on failure the follow-up message ({0}=block name, {1}=value) unless null. */
    static Check uint(long min, long max, String follow) {
        return need(1).and((n, ctx) -> {
            if (Numbers.readUnsigned(n, 1, min, max, ctx) == null && follow != null) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt(follow, n));
            }
        });
    }

    static Check sint(int min, int max, String follow) {
        return need(1).and((n, ctx) -> {
            if (Numbers.readInt(n, 1, min, max, ctx) == null && follow != null) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt(follow, n));
            }
        });
    }

    /** A decimal number of seconds with micro-second resolution, limits in micro-seconds. */
    static Check timer(long min, long max, String follow) {
        return need(1).and((n, ctx) -> {
            if (Numbers.readDecimal(n, 1, min, max, 6, ctx) == null && follow != null) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt(follow, n));
            }
        });
    }

    static Check oneOf(Set<String> values, String follow) {
        return need(1).and((n, ctx) -> {
            if (!values.contains(n.arg(0))) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt(follow, n));
            }
        });
    }

    static String fmt(String f, Node n) {
        String owner = n.owner();
        return f.replace("{0}", owner == null ? "" : owner).replace("{1}", n.arg(0) == null ? "" : n.arg(0));
    }

    static void apply(BlockSpec root) {
        vrrp(root.sub("vrrp_instance"));
        script(root.sub("vrrp_script"));
        global(root.sub("global_defs"));
        lvs(root.sub("virtual_server"));
        root.update("vrrp_instance", k -> k.withCheck(named("vrrp_instance must have a name")));
        root.update("vrrp_sync_group", k -> k.withCheck(need(1)));
        root.update("vrrp_script", k -> k.withCheck(need(1)));
        Implemented.apply(root);
    }

    static Check named(String message) {
        return (n, ctx) -> {
            if (n.args().isEmpty()) {
                ctx.report(n, Severity.GENERAL_ERROR, message);
            }
        };
    }

    private static void vrrp(BlockSpec b) {
        b.update("virtual_router_id", k -> k.withCheck(uint(1, 255, "({0}): VRID '{1}' not valid - must be between 1 & 255")));
        b.update("priority", k -> k.withCheck(uint(1, 255, "({0}) Priority not valid! must be between 1 & 255. Using default 100")));
        b.update("advert_int", k -> k.withCheck(timer(TIMER_HZ / 100, 255 * TIMER_HZ,
            "({0}) Advert interval ({1}) not valid! Must be > 0 - ignoring")));
        b.update("state", k -> k.withCheck(need(1).and((n, ctx) -> {
            String s = n.arg(0);
            if (!"MASTER".equals(s) && !"BACKUP".equals(s)) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt("({0}) unknown state '{1}', defaulting to BACKUP", n));
            }
        })));
        b.update("version", k -> k.withCheck(sint(2, 3, "({0}): Version must be either 2 or 3")));
        b.update("unicast_ttl", k -> k.withCheck(uint(0, 255, "({0}): TTL '{1}' not valid - must be between 0 & 255")));
        b.update("preempt_delay", k -> k.withCheck(timer(0, 1000 * TIMER_HZ, "({0}) Preempt_delay not valid! must be between 0-1000")));
        b.update("garp_master_delay", k -> k.withCheck(uint(0, UINT_MAX / TIMER_HZ, "({0}): garp_master_delay '{1}' invalid - ignoring")));
        b.update("garp_master_refresh", k -> k.withCheck(uint(0, UINT_MAX, "({0}): Invalid garp_master_refresh '{1}' - ignoring")));
        b.update("garp_master_repeat", k -> k.withCheck(uint(0, UINT_MAX, "({0}): garp_master_repeat '{1}' invalid - ignoring")));
        b.update("interface", k -> k.withCheck(need(1)));
        b.sub("authentication").update("auth_type", k -> k.withCheck(need(1).and((n, ctx) -> {
            String s = n.arg(0);
            if (!"PASS".equals(s) && !"AH".equals(s)) {
                String owner = n.parent() == null || n.parent().parent() == null ? "" : n.parent().parent().arg(0);
                ctx.report(n, Severity.GENERAL_ERROR, "(" + owner + ") unknown authentication type '" + s + "'");
            }
        })));
        b.sub("authentication").update("auth_pass", k -> k.withCheck(need(1)));
    }

    private static void script(BlockSpec b) {
        b.update("interval", k -> k.withCheck(need(1).and((n, ctx) -> {
            Long v = Numbers.readUnsigned(n, 1, 0, UINT_MAX / TIMER_HZ, ctx);
            if (v == null) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt("({0}): vrrp script interval '{1}' must be between 1 and " + (UINT_MAX / TIMER_HZ)
                    + " - ignoring", n));
            } else if (v == 0) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt("({0}): vrrp script interval must be greater than 0, setting to 1", n));
            }
        })));
        b.update("timeout", k -> k.withCheck(need(1).and((n, ctx) -> {
            Long v = Numbers.readUnsigned(n, 1, 0, UINT_MAX / TIMER_HZ, ctx);
            if (v == null) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt("({0}): vrrp script timeout '{1}' invalid - ignoring", n));
            } else if (v == 0) {
                ctx.report(n, Severity.GENERAL_ERROR, fmt("({0}): vrrp script timeout must be greater than 0, setting to 1", n));
            }
        })));
        b.update("weight", k -> k.withCheck(need(1).and((n, ctx) -> {
            if (Numbers.readInt(n, 1, -253, 253, ctx) == null) {
                ctx.report(n, Severity.GENERAL_ERROR, "vrrp_script " + n.owner() + " weight " + n.arg(0) + " must be in [-253, 253]");
            }
            if (n.args().size() >= 2 && !"reverse".equals(n.arg(1))) {
                ctx.report(n, Severity.GENERAL_ERROR, "vrrp_script " + n.owner() + " unknown weight option " + n.arg(1));
            }
        })));
        b.update("rise", k -> k.withCheck(uint(1, Integer.MAX_VALUE, "({0}): vrrp script rise value '{1}' invalid, defaulting to 1")));
        b.update("fall", k -> k.withCheck(uint(1, Integer.MAX_VALUE, "({0}): vrrp script fall value '{1}' invalid, defaulting to 1")));
    }

    private static void global(BlockSpec b) {
        b.update("vrrp_garp_interval", k -> k.withCheck(timer(1, UINT_MAX, "vrrp_garp_interval '{1}' is invalid")));
        b.update("vrrp_gna_interval", k -> k.withCheck(timer(1, UINT_MAX, "vrrp_gna_interval '{1}' is invalid")));
        b.update("router_id", k -> k.withCheck(named("routerid name missing - ignoring")));
    }

    private static final Set<String> SCHEDULERS = Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr",
        "sed", "nq", "twos");

    private static void lvs(BlockSpec vs) {
        vs.update("delay_loop", k -> k.withCheck(timer(1, TIMER_MAXIMUM, "virtual server delay loop '{1}' invalid - ignoring")));
        Check sched = oneOf(SCHEDULERS, "Invalid lvs_scheduler '{1}' - ignoring");
        vs.update("lvs_sched", k -> k.withCheck(sched));
        vs.aliasOf("lb_algo", "lvs_sched");
        Check method = need(1).and((n, ctx) -> {
            String s = n.arg(0);
            if (!"NAT".equals(s) && !"DR".equals(s) && !"TUN".equals(s)) {
                ctx.report(n, Severity.GENERAL_ERROR, "PARSER : unknown [" + s + "] routing method for "
                    + ("real_server".equals(n.parent().keyword()) ? "real" : "virtual") + " server.");
            }
        });
        vs.update("lvs_method", k -> k.withCheck(method));
        vs.aliasOf("lb_kind", "lvs_method");
        vs.update("protocol", k -> k.withCheck(need(1).and((n, ctx) -> {
            String s = n.arg(0).toUpperCase(java.util.Locale.ROOT);
            if (!"TCP".equals(s) && !"UDP".equals(s) && !"SCTP".equals(s)) {
                ctx.report(n, Severity.GENERAL_ERROR, "Unknown protocol " + n.arg(0) + " - ignoring");
            }
        })));
        vs.update("persistence_timeout", k -> k.withCheck((n, ctx) -> {
            if (!n.args().isEmpty() && Numbers.readUnsigned(n, 1, 1, 86400L * 31, ctx) == null) {
                ctx.report(n, Severity.GENERAL_ERROR, "persistence_timeout invalid");
            }
        }));
        vs.update("quorum", k -> k.withCheck(uint(1, UINT_MAX, "Quorum {1} must be in [1, " + UINT_MAX + "]. Setting to 1.")));
        BlockSpec rs = vs.sub("real_server");
        rs.update("weight", k -> k.withCheck(uint(0, Integer.MAX_VALUE, "Real server weight {1} is outside range 0-" + Integer.MAX_VALUE)));
        rs.update("lvs_method", k -> k.withCheck(method));
        for (KeywordSpec c : rs.keywords()) {
            if (c.kind() == Kind.CHECKER) {
                checker(c.block());
            }
        }
    }

    private static void checker(BlockSpec c) {
        if (c.find("connect_timeout") != null) {
            c.update("connect_timeout", k -> k.withCheck(timer(1, UINT_MAX, "connect_timeout {1} invalid - ignoring")));
        }
        if (c.find("connect_port") != null) {
            c.update("connect_port", k -> k.withCheck(uint(1, 65535, "Invalid checker connect_port '{1}'")));
        }
        if (c.find("retry") != null) {
            c.update("retry", k -> k.withCheck(uint(0, UINT_MAX, "Invalid retry connection value '{1}'")));
        }
        if (c.find("delay_before_retry") != null) {
            c.update("delay_before_retry", k -> k.withCheck(timer(0, TIMER_MAXIMUM, "Invalid delay_before_retry connection value '{1}'")));
        }
        if (c.find("delay_loop") != null) {
            c.update("delay_loop", k -> k.withCheck(timer(1, TIMER_MAXIMUM, "delay_loop '{1}' is invalid - ignoring")));
        }
        if (c.find("nb_get_retry") != null) {
            // keepalived 2.2.7 check_http.c: reported as a config error (exit 5) and still applied as retry.
            c.update("nb_get_retry", k -> k.withDeprecated("retry").withCheck(need(1).and((n, ctx) -> {
                ctx.report(n, Severity.GENERAL_ERROR, "nb_get_retry is deprecated - please use 'retry'");
                Numbers.readUnsigned(n, 1, 0, UINT_MAX, ctx);
            })));
        }
    }
}
