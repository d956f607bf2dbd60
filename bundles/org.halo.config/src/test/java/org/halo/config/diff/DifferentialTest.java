package org.halo.config.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.halo.config.ConfigLoader;
import org.halo.config.LoadResult;
import org.halo.config.diag.Diagnostic;
import org.halo.config.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real keepalived 2.2.7: for every configuration of the corpus, {@code keepalived -t
 * -f FILE} runs inside a scratch network namespace that has the interfaces the corpus names, Halo's config test
 * runs with the interface set of that same namespace, and the exit codes and the sets of (line, problem) must be
 * equal. Requires root and keepalived; skipped otherwise unless CI=true, where it must run.
 */
class DifferentialTest {
    private static final Pattern IFNAME = Pattern.compile("\\b(?:eth|ens|enp|bond|br|vlan|em)[0-9][A-Za-z0-9_.]*");
    private static final Pattern LOC = Pattern.compile("^\\((?:.*: )?Line (\\d+)\\) (.*)$");
    private static final String CONFIG_ID = "halotest";

    @TempDir
    Path tmp;

    @Test
    void matchesKeepalived() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean keepalived = Files.isExecutable(Path.of("/usr/sbin/keepalived"));
        if (ci) {
            assertTrue(root && keepalived, "CI=true: the differential test needs root and /usr/sbin/keepalived");
        } else {
            assumeTrue(root && keepalived, "needs root and keepalived (runs unconditionally with CI=true)");
        }
        List<Path> samples = corpus("samples");
        List<Path> guides = corpus("guides");
        Path vdir = Files.createDirectories(tmp.resolve("variants"));
        List<Path> variants = new ArrayList<>();
        for (Path g : guides) {
            for (Variants.Variant v : Variants.generate(g, vdir)) {
                variants.add(v.file());
            }
        }
        Set<String> ifnames = new TreeSet<>();
        for (Path p : concat(samples, guides)) {
            Matcher m = IFNAME.matcher(Files.readString(p));
            while (m.find()) {
                ifnames.add(m.group());
            }
        }
        try (Netns ns = new Netns(ifnames)) {
            double s = group("samples", samples, ns, true);
            double g = group("guides", guides, ns, true);
            double v = group("generated variants", variants, ns, false);
            System.out.printf("differential match rate: samples %.1f%%, guides %.1f%%, variants %.1f%%%n", s, g, v);
            assertEquals(100.0, s, "shipped samples must match keepalived 100%");
            assertEquals(100.0, g, "guide configurations must match keepalived 100%");
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    private double group(String name, List<Path> files, Netns ns, boolean verbose) throws IOException, InterruptedException {
        int ok = 0;
        for (Path f : files) {
            Netns.Result k = ns.exec(30, "keepalived", "-t", "-i", CONFIG_ID, "-f", f.toString());
            Set<String> kset = normalize(List.of(k.out().split("\n")));
            LoadResult h = ConfigLoader.load(f, CONFIG_ID, ns::hasInterface);
            List<String> hl = new ArrayList<>();
            for (Diagnostic d : h.diagnostics().all()) {
                if (d.severity() != Severity.NOTE) {
                    hl.add(d.format());
                }
            }
            Set<String> hset = normalize(hl);
            int hcode = h.diagnostics().exitCode();
            if (k.code() == hcode && kset.equals(hset)) {
                ok++;
            } else {
                Set<String> onlyK = new TreeSet<>(kset);
                onlyK.removeAll(hset);
                Set<String> onlyH = new TreeSet<>(hset);
                onlyH.removeAll(kset);
                System.out.println("MISMATCH [" + name + "] " + f.getFileName() + ": keepalived rc=" + k.code() + " halo rc=" + hcode
                    + (verbose || true ? "\n  only keepalived: " + onlyK + "\n  only halo: " + onlyH : ""));
            }
        }
        double rate = files.isEmpty() ? 100.0 : 100.0 * ok / files.size();
        System.out.printf("[%s] %d/%d match (%.1f%%)%n", name, ok, files.size(), rate);
        return rate;
    }

    /** (line, problem) pairs; lines without a location keep line 0. Blank lines are dropped. */
    static Set<String> normalize(List<String> lines) {
        Set<String> r = new TreeSet<>();
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            Matcher m = LOC.matcher(l);
            r.add(m.matches() ? m.group(1) + " " + m.group(2) : "0 " + l);
        }
        return r;
    }

    private List<Path> corpus(String dir) throws IOException, URISyntaxException {
        URL u = getClass().getResource("/corpus/" + dir);
        Path src = Path.of(u.toURI());
        // copy out of the class path so that file names and relative includes are plain paths
        Path dst = Files.createDirectories(tmp.resolve(dir));
        List<Path> r = new ArrayList<>();
        try (Stream<Path> s = Files.list(src)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                Path d = dst.resolve(p.getFileName());
                try (InputStream in = Files.newInputStream(p)) {
                    Files.copy(in, d);
                }
                r.add(d);
            }
        }
        return r;
    }
}
