package org.halo.check.script.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The user and group a script runs as ({@code user}/{@code script_user} keyword: {@code name [group]}).
 * Resolved from {@code /etc/passwd} and {@code /etc/group}.
 */
public record ScriptUser(String name, int uid, int gid) {

    public static final ScriptUser ROOT = new ScriptUser("root", 0, 0);

    /** keepalived's default script user: {@code keepalived_script} if it exists, else root. */
    public static ScriptUser defaultUser() {
        return lookup("keepalived_script").orElse(ROOT);
    }

    /** Parses {@code user [group]}; throws if the user or group does not exist. */
    public static ScriptUser parse(String spec) {
        List<String> words = ScriptLine.split(spec);
        if (words.isEmpty() || words.size() > 2) {
            throw new IllegalArgumentException("user: expected 'user [group]', got '" + spec + "'");
        }
        ScriptUser u = lookup(words.get(0))
                .orElseThrow(() -> new IllegalArgumentException("unknown user " + words.get(0)));
        if (words.size() == 2) {
            int gid = group(words.get(1)).orElseThrow(() -> new IllegalArgumentException("unknown group " + words.get(1)));
            return new ScriptUser(u.name, u.uid, gid);
        }
        return u;
    }

    static Optional<ScriptUser> lookup(String name) {
        for (String[] f : entries(Path.of("/etc/passwd"))) {
            if (f.length >= 4 && (f[0].equals(name) || f[2].equals(name))) {
                return Optional.of(new ScriptUser(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
            }
        }
        return Optional.empty();
    }

    static Optional<Integer> group(String name) {
        for (String[] f : entries(Path.of("/etc/group"))) {
            if (f.length >= 3 && (f[0].equals(name) || f[2].equals(name))) {
                return Optional.of(Integer.parseInt(f[2]));
            }
        }
        return Optional.empty();
    }

    private static List<String[]> entries(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).map(l -> l.split(":", -1)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Effective uid of this JVM, from {@code /proc/self/status}. */
    public static int currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }
}
