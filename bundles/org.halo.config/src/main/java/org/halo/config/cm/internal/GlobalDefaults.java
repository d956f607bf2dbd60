package org.halo.config.cm.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * keepalived's global {@code vrrp_*} defaults resolved into one vrrp_instance's properties, so the
 * {@code org.halo.vrrp.instance} configuration carries the effective value and its consumer needs no
 * global_defs. The instance's own keyword always wins (keepalived's alloc_vrrp copies the globals,
 * the instance keyword then overwrites them; vrrp_complete_instance fills the still-unset ones).
 * Only keywords keepalived 2.2.7 has an instance counterpart for are resolved; process settings
 * ({@code vrrp_priority}, {@code vrrp_no_swap}, ...) are not instance settings.
 */
final class GlobalDefaults {
    /** global_defs keyword -> vrrp_instance keyword. */
    static final Map<String, String> GLOBAL_TO_INSTANCE;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("vrrp_version", "version");
        m.put("vrrp_garp_master_delay", "garp_master_delay");
        m.put("vrrp_garp_master_repeat", "garp_master_repeat");
        m.put("vrrp_garp_master_refresh", "garp_master_refresh");
        m.put("vrrp_garp_master_refresh_repeat", "garp_master_refresh_repeat");
        m.put("vrrp_garp_lower_prio_delay", "garp_lower_prio_delay");
        m.put("vrrp_garp_lower_prio_repeat", "garp_lower_prio_repeat");
        m.put("vrrp_lower_prio_no_advert", "lower_prio_no_advert");
        m.put("vrrp_higher_prio_send_advert", "higher_prio_send_advert");
        m.put("vrrp_check_unicast_src", "check_unicast_src");
        m.put("vrrp_skip_check_adv_addr", "skip_check_adv_addr");
        m.put("vrrp_strict", "strict_mode");
        m.put("vrrp_down_timer_adverts", "down_timer_adverts");
        // no instance keyword in keepalived (per interface, or garp_group): carried under the global name
        m.put("vrrp_garp_interval", "vrrp_garp_interval");
        m.put("vrrp_gna_interval", "vrrp_gna_interval");
        GLOBAL_TO_INSTANCE = Map.copyOf(m);
    }

    private static final Set<String> TRUE = Set.of("true", "on", "yes");
    private static final Set<String> FALSE = Set.of("false", "off", "no");

    private GlobalDefaults() {
    }

    /**
     * @param global   the global_defs properties (keyword -> value text, "true" for a bare flag); may be empty
     * @param instance the instance's properties, completed in place
     */
    static void apply(Map<String, Object> global, Map<String, Object> instance) {
        Map<String, String> g = effectiveGlobals(global);
        boolean strict = instance.containsKey("strict_mode") ? truth(String.valueOf(instance.get("strict_mode")), true)
            : "true".equals(g.get("strict_mode"));
        for (Map.Entry<String, String> e : g.entrySet()) {
            String key = e.getKey();
            if (instance.containsKey(key)) {
                continue;
            }
            // keepalived: an unset garp_lower_prio_* of a strict instance is 0, not the global value
            // (vrrp_complete_instance); the engine applies that, so the global must not look "set"
            if (strict && key.startsWith("garp_lower_prio_")) {
                continue;
            }
            instance.put(key, e.getValue());
        }
    }

    /** The globals keepalived would hold after global_defs, keyed by the instance keyword. */
    static Map<String, String> effectiveGlobals(Map<String, Object> global) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : GLOBAL_TO_INSTANCE.entrySet()) {
            Object v = global.get(e.getKey());
            if (v == null) {
                continue;
            }
            String text = String.valueOf(v).trim();
            String value = normalise(e.getValue(), text);
            if (value != null) {
                out.put(e.getValue(), value);
            }
        }
        // vrrp_min_garp: one GARP round, no delayed or refresh rounds, unless those were set explicitly
        Object min = global.get("vrrp_min_garp");
        if (min != null && truth(String.valueOf(min), true)) {
            out.putIfAbsent("garp_master_repeat", "1");
            out.putIfAbsent("garp_master_delay", "0");
            out.putIfAbsent("garp_master_refresh", "0");
        }
        // keepalived (vrrp_complete): unset global lower-priority GARP settings follow the master ones
        if (out.containsKey("garp_master_repeat")) {
            out.putIfAbsent("garp_lower_prio_repeat", out.get("garp_master_repeat"));
        }
        if (out.containsKey("garp_master_delay")) {
            out.putIfAbsent("garp_lower_prio_delay", out.get("garp_master_delay"));
        }
        return out;
    }

    /** The value keepalived would store, as instance keyword text; null where keepalived rejects it. */
    private static String normalise(String instanceKey, String text) {
        switch (instanceKey) {
            case "version":
                return text.equals("2") || text.equals("3") ? text : null;
            case "lower_prio_no_advert", "higher_prio_send_advert": {
                // [true|false|on|off|yes|no], bare flag = true
                Boolean b = tristate(text);
                return b == null ? null : b.toString();
            }
            case "check_unicast_src", "skip_check_adv_addr", "strict_mode":
                // keepalived sets these on the bare keyword, whatever follows
                return "true";
            default:
                return isNumber(text) ? text : null;
        }
    }

    static boolean truth(String text, boolean dflt) {
        Boolean b = tristate(text);
        return b == null ? dflt : b;
    }

    private static Boolean tristate(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || TRUE.contains(t)) {
            return Boolean.TRUE;
        }
        return FALSE.contains(t) ? Boolean.FALSE : null;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.parseDouble(text) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
