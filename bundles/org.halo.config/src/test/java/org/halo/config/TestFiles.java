package org.halo.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.halo.config.diag.Diagnostic;
import org.halo.config.diag.Severity;

/** Helpers for tests that write small configurations. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    public static LoadResult load(Path file) {
        return ConfigLoader.load(file, "main", n -> n.startsWith("eth"));
    }

    /** "line message" of every diagnostic except Halo notes. */
    public static List<String> problems(LoadResult r) {
        return r.diagnostics().all().stream().filter(d -> d.severity() != Severity.NOTE)
            .map(d -> d.line() + " " + d.message()).collect(Collectors.toList());
    }

    public static List<Diagnostic> notes(LoadResult r) {
        return r.diagnostics().all().stream().filter(d -> d.severity() == Severity.NOTE).collect(Collectors.toList());
    }
}
