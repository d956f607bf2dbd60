package org.halo.systest.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.halo.systest.lab.VrrpDaemons.Kind;

/** Samples per (setup, daemon, metric); prints min/median/max and the Halo/keepalived median ratio. */
final class Results {
    private final Map<String, Map<Kind, Map<String, List<Double>>>> data = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(String setup, Kind kind, String metric, double value) {
        data.computeIfAbsent(setup, s -> new LinkedHashMap<>()).computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .computeIfAbsent(metric, m -> new ArrayList<>()).add(value);
    }

    synchronized void note(String setup, Kind kind, String text) {
        notes.add(setup + " " + kind + ": " + text);
    }

    static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String summary(List<Double> v) {
        if (v == null || v.isEmpty()) {
            return "-";
        }
        if (v.size() == 1) {
            return fmt(v.get(0));
        }
        List<Double> s = v.stream().sorted().toList();
        return fmt(s.get(0)) + " / " + fmt(median(s)) + " / " + fmt(s.get(s.size() - 1));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d) : String.format("%.2f", d);
    }

    synchronized void print(PrintStream out, List<Kind> kinds) {
        out.println();
        StringBuilder head = new StringBuilder("| setup | metric |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Kind k : kinds) {
            head.append(' ').append(label(k)).append(" (min / median / max) |");
            rule.append("---|");
        }
        for (Kind k : kinds) {
            if (k != Kind.KEEPALIVED) {
                head.append(' ').append(label(k)).append("/keepalived (median) |");
                rule.append("---|");
            }
        }
        out.println(head);
        out.println(rule);
        data.forEach((setup, byKind) -> {
            Set<String> metrics = new LinkedHashSet<>();
            byKind.values().forEach(m -> metrics.addAll(m.keySet()));
            for (String metric : metrics) {
                StringBuilder row = new StringBuilder("| " + setup + " | " + metric + " |");
                List<Double> k = byKind.getOrDefault(Kind.KEEPALIVED, Map.of()).get(metric);
                for (Kind kind : kinds) {
                    row.append(' ').append(summary(byKind.getOrDefault(kind, Map.of()).get(metric))).append(" |");
                }
                for (Kind kind : kinds) {
                    if (kind != Kind.KEEPALIVED) {
                        List<Double> h = byKind.getOrDefault(kind, Map.of()).get(metric);
                        row.append(' ').append(ratio(h, k)).append(countInterval(metric, h, k)).append(" |");
                    }
                }
                out.println(row);
            }
        });
        notes.forEach(n -> out.println("note: " + n));
    }

    static String label(Kind k) {
        return switch (k) {
            case KEEPALIVED -> "keepalived";
            case HALO -> "Halo daemon";
            case HALO_CORE -> "Halo VRRP core";
        };
    }

    /** For event counts (one window each), the 95 % interval of the rate ratio: is the difference more than a draw? */
    private static String countInterval(String metric, List<Double> h, List<Double> k) {
        if (!metric.endsWith("spurious takeovers") || h == null || k == null || h.size() != 1 || k.size() != 1) {
            return "";
        }
        return " (" + RateRatio.of(Math.round(h.get(0)), Math.round(k.get(0))) + ")";
    }

    private static String ratio(List<Double> h, List<Double> k) {
        if (k == null || h == null || k.isEmpty() || h.isEmpty()) {
            return "n/a";
        }
        double km = median(k);
        double hm = median(h);
        if (km == 0) {
            return hm == 0 ? "1.00 (both 0)" : "inf (keepalived 0)";
        }
        return String.format("%.3f", hm / km);
    }

    synchronized void writeJson(Path file) {
        StringBuilder b = new StringBuilder("{\n");
        List<String> rows = new ArrayList<>();
        data.forEach((setup, byKind) -> byKind.forEach((kind, metrics) -> metrics.forEach((metric, values) -> rows.add(
                "  \"" + setup + "|" + kind + "|" + metric.replace("\"", "'") + "\": " + values))));
        b.append(String.join(",\n", rows)).append("\n}\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
