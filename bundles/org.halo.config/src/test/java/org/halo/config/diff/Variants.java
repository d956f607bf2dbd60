package org.halo.config.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated variants of a base configuration: each range-checked keyword given an out-of-range value, a missing
 * closing brace, a missing opening brace, a stray token, an unknown keyword in every block.
 */
final class Variants {
    private Variants() {
    }

    /** keyword -> values keepalived rejects. */
    static final Map<String, List<String>> BAD = new LinkedHashMap<>();

    static {
        BAD.put("virtual_router_id", List.of("0", "256", "abc", "-1"));
        BAD.put("priority", List.of("0", "256", "1x"));
        BAD.put("advert_int", List.of("0", "256", "0.0000001", "-1"));
        BAD.put("version", List.of("1", "4"));
        BAD.put("state", List.of("MASTERX"));
        BAD.put("interval", List.of("0", "99999999999"));
        BAD.put("timeout", List.of("0"));
        BAD.put("weight", List.of("300", "-300", "x"));
        BAD.put("fall", List.of("0"));
        BAD.put("rise", List.of("0", "-2"));
        BAD.put("vrrp_garp_interval", List.of("0"));
        BAD.put("vrrp_gna_interval", List.of("0"));
        BAD.put("delay_loop", List.of("0", "x"));
        BAD.put("lb_algo", List.of("bogus"));
        BAD.put("lb_kind", List.of("XX"));
        BAD.put("protocol", List.of("ICMP"));
        BAD.put("persistence_timeout", List.of("0"));
        BAD.put("connect_timeout", List.of("0"));
        BAD.put("retry", List.of("-1"));
        BAD.put("delay_before_retry", List.of("x"));
        BAD.put("auth_type", List.of("FOO"));
        BAD.put("interface", List.of("nosuchif0"));
    }

    record Variant(String name, Path file) {
    }

    static List<Variant> generate(Path base, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(base);
        List<Variant> out = new ArrayList<>();
        String stem = base.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            String[] w = t.split("\\s+");
            List<String> bad = BAD.get(w[0]);
            if (bad != null && w.length >= 2 && !t.contains("{")) {
                for (String b : bad) {
                    String nl = l.replaceFirst("\\Q" + w[0] + "\\E\\s+\\S+", w[0] + " " + b);
                    out.add(write(dir, stem + ".range." + w[0] + "." + b + ".L" + (i + 1), replace(lines, i, nl)));
                }
            }
            if (t.endsWith("{")) {
                List<String> c = new ArrayList<>(lines);
                c.add(i + 1, "    bogus_keyword 1");
                out.add(write(dir, stem + ".unknown.L" + (i + 2), c));
                out.add(write(dir, stem + ".missing-open.L" + (i + 1), replace(lines, i, l.substring(0, l.lastIndexOf('{')))));
                List<String> s = new ArrayList<>(lines);
                s.add(i + 1, "    }");
                out.add(write(dir, stem + ".stray-close.L" + (i + 2), s));
            }
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).strip().equals("}")) {
                out.add(write(dir, stem + ".missing-close", replace(lines, i, "")));
                break;
            }
        }
        List<String> s = new ArrayList<>(lines);
        s.add(Math.min(2, s.size()), "stray_token");
        out.add(write(dir, stem + ".stray-token", s));
        return out;
    }

    private static List<String> replace(List<String> lines, int i, String l) {
        List<String> c = new ArrayList<>(lines);
        c.set(i, l);
        return c;
    }

    private static Variant write(Path dir, String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        Files.write(p, lines);
        return new Variant(name, p);
    }
}
