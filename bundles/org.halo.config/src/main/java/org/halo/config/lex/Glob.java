package org.halo.config.lex;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * glob(3) for include patterns: {@code * ? [..]} per path component and csh-style {@code {a,b}} braces
 * (GLOB_BRACE), results sorted like glob(3). Relative patterns resolve against the including file's directory.
 */
final class Glob {
    private Glob() {
    }

    static List<Path> expand(Path base, String pattern) throws IOException {
        List<String> alternatives = new ArrayList<>();
        braces(pattern, alternatives, 0);
        List<Path> result = new ArrayList<>();
        for (String alt : alternatives) {
            Path p = Path.of(alt);
            if (!p.isAbsolute()) {
                p = base.resolve(alt);
            }
            expandPath(p.normalize(), result);
        }
        return result;
    }

    /** csh brace expansion; bounded so that a hostile pattern cannot explode. */
    private static void braces(String s, List<String> out, int depth) {
        int open = s.indexOf('{');
        if (open < 0 || depth > 8 || out.size() > 4096) {
            out.add(s);
            return;
        }
        int level = 0;
        int close = -1;
        List<Integer> commas = new ArrayList<>();
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                level++;
            } else if (c == '}') {
                if (--level == 0) {
                    close = i;
                    break;
                }
            } else if (c == ',' && level == 1) {
                commas.add(i);
            }
        }
        if (close < 0) {
            out.add(s);
            return;
        }
        String pre = s.substring(0, open);
        String post = s.substring(close + 1);
        int from = open + 1;
        commas.add(close);
        for (int c : commas) {
            braces(pre + s.substring(from, c) + post, out, depth + 1);
            from = c + 1;
        }
    }

    private static boolean hasMagic(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    private static void expandPath(Path p, List<Path> result) throws IOException {
        if (!hasMagic(p.toString())) {
            if (Files.exists(p)) {
                result.add(p);
            }
            return;
        }
        List<Path> current = new ArrayList<>();
        current.add(p.getRoot() == null ? Path.of("") : p.getRoot());
        for (Path part : p) {
            String name = part.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!hasMagic(name)) {
                    Path c = dir.resolve(name);
                    if (Files.exists(c)) {
                        next.add(c);
                    }
                    continue;
                }
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name.replace("{", "\\{").replace("}", "\\}"));
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(c -> {
                        String fn = c.getFileName().toString();
                        return (!fn.startsWith(".") || name.startsWith(".")) && m.matches(c.getFileName());
                    }).sorted().forEach(next::add);
                }
            }
            current = next;
        }
        result.addAll(current);
    }
}
