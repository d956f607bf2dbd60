package org.halo.status.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.halo.status.api.Counters;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.Track;

/**
 * /tmp/keepalived.json as keepalived 2.2.7 writes it (vrrp_json.c): one array element per instance
 * with "data" and "stats" objects, keys in keepalived's order, '/' escaped as keepalived's json
 * writer does. The community exporters read exactly these keys.
 */
public final class JsonFormat {
    private JsonFormat() {
    }

    /** keepalived's state numbers (vrrp.h): INIT 0, BACKUP 1, MASTER 2, FAULT 3. */
    static int stateNumber(String state) {
        return switch (state) {
            case "BACKUP" -> 1;
            case "MASTER" -> 2;
            case "FAULT" -> 3;
            default -> 0;
        };
    }

    public static String format(List<InstanceStatus> instances) {
        return format(instances, Map.of());
    }

    /**
     * @param scriptCommands vrrp_script name to its command line: keepalived lists a tracked script by its
     *        command ("'/usr/bin/true'"); a script the plug-in host does not report is listed by name
     */
    public static String format(List<InstanceStatus> instances, Map<String, String> scriptCommands) {
        StringBuilder b = new StringBuilder("[");
        for (int n = 0; n < instances.size(); n++) {
            if (n > 0) {
                b.append(',');
            }
            InstanceStatus i = instances.get(n);
            Obj d = new Obj();
            d.str("iname", i.name()).num("dont_track_primary", i.dontTrackPrimary() ? 1 : 0).num("skip_check_adv_addr", i.skipCheckAdvAddr() ? 1 : 0)
                    .num("strict_mode", i.strict() ? 1 : 0)
                    .str("vmac_ifname", i.vmacInterface()).str("ifp_ifname", i.interfaceName()).num("master_priority", i.masterPriority())
                    .raw("last_transition", String.format(Locale.ROOT, "%.6f", i.lastTransitionEpochSec()))
                    .num("garp_delay", i.garp().delay()).num("garp_refresh", i.garp().refresh()).num("garp_rep", i.garp().repeat())
                    .num("garp_refresh_rep", i.garp().refreshRepeat()).num("garp_lower_prio_delay", i.garp().lowerPrioDelay())
                    .num("garp_lower_prio_rep", i.garp().lowerPrioRepeat()).num("lower_prio_no_advert", i.lowerPrioNoAdvert() ? 1 : 0)
                    .num("higher_prio_send_advert", i.higherPrioSendAdvert() ? 1 : 0)
                    .num("vrid", i.vrid()).num("base_priority", i.basePriority()).num("effective_priority", i.effectivePriority())
                    .bool("vipset", i.vipsSet()).bool("promote_secondaries", false).raw("adver_int", g(i.advertIntervalSec()))
                    .raw("master_adver_int", g(i.masterAdvertIntervalSec())).num("accept", i.accept() ? 1 : 0).bool("nopreempt", i.nopreempt())
                    .num("preempt_delay", i.preemptDelaySec()).num("state", stateNumber(i.state())).num("wantstate", stateNumber(i.wantState()))
                    .num("version", i.version()).bool("smtp_alert", false).bool("notify_deleted", false);
            StringBuilder vips = new StringBuilder("[");
            for (int v = 0; v < i.vips().size(); v++) {
                vips.append(v > 0 ? "," : "").append(quote(i.vips().get(v) + (i.vipsSet() ? " set" : "")));
            }
            d.raw("vips", vips.append(']').toString());
            if (!i.excludedVips().isEmpty()) {
                d.raw("evips", array(i.excludedVips().stream().map(v -> v + (i.vipsSet() ? " set" : "")).toList()));
            }
            List<String> ifs = tracked(i, "interface");
            if (!ifs.isEmpty()) {
                d.raw("track_ifp", array(ifs));
            }
            List<String> scripts = tracked(i, "script").stream().map(s -> "'" + scriptCommands.getOrDefault(s, s) + "'").toList();
            if (!scripts.isEmpty()) {
                d.raw("track_script", array(scripts));
            }
            d.num("auth_type", i.authType());
            if (i.authType() == 1) {
                d.str("auth_data", i.authData());
            }
            Counters c = i.counters();
            Obj s = new Obj().num("advert_rcvd", c.advertRcvd()).num("advert_sent", c.advertSent()).num("become_master", c.becomeMaster())
                    .num("release_master", c.releaseMaster()).num("packet_len_err", c.packetLenErr())
                    .num("advert_interval_err", c.advertIntervalErr()).num("ip_ttl_err", c.ipTtlErr())
                    .num("invalid_type_rcvd", c.invalidTypeRcvd()).num("addr_list_err", c.addrListErr())
                    .num("invalid_authtype", c.invalidAuthtype()).num("authtype_mismatch", c.authtypeMismatch())
                    .num("auth_failure", c.authFailure()).num("pri_zero_rcvd", c.priZeroRcvd()).num("pri_zero_sent", c.priZeroSent());
            b.append("{\"data\":").append(d.close()).append(",\"stats\":").append(s.close()).append('}');
        }
        return b.append(']').toString();
    }

    private static List<String> tracked(InstanceStatus i, String kind) {
        return i.tracks().stream().filter(t -> t.kind().equals(kind)).map(Track::name).toList();
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items.stream().map(JsonFormat::quote).toList()) + "]";
    }

    /** printf %g without trailing zeros: 1 -> "1", 0.1 -> "0.1". */
    static String g(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '/' -> b.append("\\/");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A JSON object written in insertion order. */
    private static final class Obj {
        private final StringBuilder b = new StringBuilder("{");

        private Obj key(String k) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(quote(k)).append(':');
            return this;
        }

        Obj str(String k, String v) {
            key(k).b.append(quote(v == null ? "" : v));
            return this;
        }

        Obj num(String k, long v) {
            key(k).b.append(v);
            return this;
        }

        Obj bool(String k, boolean v) {
            key(k).b.append(v);
            return this;
        }

        Obj raw(String k, String v) {
            key(k).b.append(v);
            return this;
        }

        String close() {
            return b.append('}').toString();
        }
    }
}
