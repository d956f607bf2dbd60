package org.halo.host;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading keepalived-style values out of service/configuration properties. */
final class Props {

    private Props() {
    }

    /** A property as text; arrays and collections joined by spaces; {@code null} if absent. */
    static String text(Map<String, ?> props, String key) {
        Object v = props.get(key);
        if (v == null) {
            return null;
        }
        if (v.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                parts.add(String.valueOf(Array.get(v, i)));
            }
            return String.join(" ", parts);
        }
        if (v instanceof Iterable<?> it) {
            List<String> parts = new ArrayList<>();
            it.forEach(o -> parts.add(String.valueOf(o)));
            return String.join(" ", parts);
        }
        return String.valueOf(v);
    }

    static int integer(Map<String, ?> props, String key, int fallback) {
        String t = text(props, key);
        if (t == null || t.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not an integer: " + t);
        }
    }

    /** keepalived timers are seconds, fractions allowed ({@code 0.5}). */
    static Duration seconds(Map<String, ?> props, String key, Duration fallback) {
        String t = text(props, key);
        if (t == null || t.isBlank()) {
            return fallback;
        }
        try {
            double s = Double.parseDouble(t.trim());
            if (s < 0) {
                throw new IllegalArgumentException(key + ": negative: " + t);
            }
            return Duration.ofNanos((long) (s * 1_000_000_000L));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number of seconds: " + t);
        }
    }

    /** keepalived flags are present/absent; ConfigAdmin may also carry true/false. */
    static boolean flag(Map<String, ?> props, String key) {
        String t = text(props, key);
        return t != null && !t.equalsIgnoreCase("false") && !t.equals("0");
    }
}
