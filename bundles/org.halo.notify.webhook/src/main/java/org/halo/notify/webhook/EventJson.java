package org.halo.notify.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.halo.api.notify.HaloEvent;
import org.halo.api.notify.RealServerEvent;
import org.halo.api.notify.VirtualServiceEvent;
import org.halo.api.notify.VrrpEvent;

/**
 * The webhook body, schema {@value #SCHEMA} (documented in docs/plugins-guide.md): one flat JSON object
 * per event. Common fields: {@code schema}, {@code sequence}, {@code time} (ISO-8601 UTC), {@code node}
 * and {@code type} ({@code vrrp}, {@code real_server}, {@code virtual_server}); then per type:
 * vrrp: {@code scope}, {@code name}, {@code state}, {@code previous}, {@code priority};
 * real_server: {@code virtual_server}, {@code real_server}, {@code state} (UP/DOWN), {@code check};
 * virtual_server: {@code virtual_server}, {@code state} (UP/DOWN, quorum).
 */
final class EventJson {

    static final String SCHEMA = "halo.event/1";

    private EventJson() {
    }

    static String type(HaloEvent e) {
        if (e instanceof VrrpEvent) {
            return "vrrp";
        }
        return e instanceof RealServerEvent ? "real_server" : "virtual_server";
    }

    static String toJson(HaloEvent e, String node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("sequence", e.sequence());
        m.put("time", e.time().toString());
        m.put("node", node);
        m.put("type", type(e));
        if (e instanceof VrrpEvent v) {
            m.put("scope", v.scope().name());
            m.put("name", v.name());
            m.put("state", v.state().name());
            m.put("previous", v.previous().name());
            m.put("priority", v.priority());
        } else if (e instanceof RealServerEvent r) {
            m.put("virtual_server", r.virtualService());
            m.put("real_server", r.realServer());
            m.put("state", r.up() ? "UP" : "DOWN");
            m.put("check", r.checkType());
        } else if (e instanceof VirtualServiceEvent s) {
            m.put("virtual_server", s.virtualService());
            m.put("state", s.up() ? "UP" : "DOWN");
        }
        StringBuilder out = new StringBuilder("{");
        m.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, k).append(':');
            if (v instanceof Number) {
                out.append(v);
            } else {
                quote(out, String.valueOf(v));
            }
        });
        return out.append('}').toString();
    }

    /** RFC 8259 section 7 string escaping. */
    static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
