package org.halo.config.robust;

import static org.halo.config.TestFiles.load;
import static org.halo.config.TestFiles.problems;
import static org.halo.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.halo.config.LoadResult;
import org.halo.config.diag.Diagnostic;
import org.halo.config.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input ends in a diagnostic with a location; never an exception, a stack overflow or a hang. */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class RobustnessTest {
    @TempDir
    Path dir;

    private static boolean located(LoadResult r, String fileSuffix, String messagePart) {
        for (Diagnostic d : r.diagnostics().all()) {
            if (d.file() != null && d.file().endsWith(fileSuffix) && d.line() > 0 && d.message().contains(messagePart)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void binaryGarbage() throws Exception {
        byte[] b = new byte[1 << 20];
        new Random(42).nextBytes(b);
        Path f = dir.resolve("garbage.conf");
        Files.write(f, b);
        LoadResult r = load(f);
        assertNotNull(r.model());
        assertEquals(5, r.diagnostics().exitCode());
        assertTrue(located(r, "garbage.conf", "invalid UTF-8"), "invalid bytes are reported with file:line");
        assertTrue(located(r, "garbage.conf", "Unknown keyword"));
    }

    @Test
    void hundredMegabyteFile() throws Exception {
        Path f = dir.resolve("big.conf");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding padding padd\n"
            .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
            for (long n = 0; n < 100L * 1024 * 1024; n += line.length) {
                out.write(line);
            }
        }
        LoadResult r = load(f);
        assertEquals(4, r.diagnostics().exitCode());
        assertTrue(located(r, "big.conf", "configuration exceeds 64 MiB"), problems(r).toString());
    }

    @Test
    void tenThousandDeepNesting() throws Exception {
        StringBuilder b = new StringBuilder("vrrp_instance VI_1 {\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("block").append(i).append(" {\n");
        }
        for (int i = 0; i < 10_000; i++) {
            b.append("}\n");
        }
        b.append("}\n");
        LoadResult r = load(write(dir, "deep.conf", b.toString()));
        assertEquals(5, r.diagnostics().exitCode());
        assertTrue(located(r, "deep.conf", "Unknown keyword 'block0'"));
        assertTrue(r.diagnostics().dropped() > 0, "diagnostics are bounded; the rest are counted");
        b.setLength(0);
        b.append("{\n".repeat(10_000));
        LoadResult open = load(write(dir, "open.conf", b.toString()));
        assertTrue(problems(open).contains("0 There are 10000 missing '}'s or extra '{'s"), "unbalanced braces are counted");
    }

    @Test
    void includeCycles() throws Exception {
        write(dir, "a.conf", "include b.conf\nglobal_defs {\n  router_id A\n}\n");
        write(dir, "b.conf", "include a.conf\n");
        LoadResult r = load(dir.resolve("a.conf"));
        assertTrue(located(r, "b.conf", "includes itself (include cycle)"), problems(r).toString());
        assertEquals("A", r.model().globalDefs().routerId());
        LoadResult self = load(write(dir, "self.conf", "include self.conf\n"));
        assertTrue(located(self, "self.conf", "include cycle"));
    }

    @Test
    void unreadableAndMissingIncludes() throws Exception {
        Path fifo = dir.resolve("fifo.conf");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        LoadResult r = load(write(dir, "m.conf", "includer fifo.conf\nincluder missing.conf\ninclude also-missing.conf\n"));
        assertTrue(located(r, "m.conf", "open problem (not a regular file)"), "a FIFO would block: refused");
        assertTrue(problems(r).contains("2 Config files missing 'missing.conf'."));
        assertEquals(4, r.diagnostics().exitCode(), "includer makes a missing file fatal, as keepalived");
        LoadResult plain = load(write(dir, "p.conf", "include also-missing.conf\n"));
        assertEquals(0, plain.diagnostics().exitCode(), "plain include only reports, as keepalived");
        assertTrue(plain.diagnostics().all().stream().anyMatch(d -> d.severity() == Severity.INFO && d.line() == 1));
        Path locked = write(dir, "locked.conf", "global_defs {\n}\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        LoadResult l = load(write(dir, "l.conf", "includea locked.conf\n"));
        if (!"root".equals(System.getProperty("user.name"))) {
            assertTrue(located(l, "l.conf", "open problem (Permission denied)"), problems(l).toString());
        } else {
            assertEquals(0, l.diagnostics().exitCode(), "root can read it, as keepalived can");
        }
    }

    @Test
    void invalidUtf8() throws Exception {
        Path f = dir.resolve("u.conf");
        byte[] head = "global_defs {\n  router_id ".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xc3, (byte) 0x28};
        byte[] tail = "\n  # comment \u00e9 ok\n}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        Files.write(f, all);
        LoadResult r = load(f);
        assertEquals(java.util.List.of("2 invalid UTF-8 at column 13"), problems(r));
        byte[] inComment = "# caf\u00e9 \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, inComment);
        assertEquals(java.util.List.of(), problems(load(f)), "invalid bytes inside a comment are harmless, as for keepalived");
    }

    @Test
    void runawayGeneratorsAndParameters() throws Exception {
        LoadResult r = load(write(dir, "g.conf", "~SEQ(A,1,100000) ~SEQ(B,1,100000) x $A $B\n"));
        assertEquals(4, r.diagnostics().exitCode());
        assertTrue(located(r, "g.conf", "expands to more than"));
        LoadResult p = load(write(dir, "p.conf", "$A=${A}${A}\n${A}\n"));
        assertTrue(located(p, "p.conf", "parameter"), problems(p).toString());
    }
}
