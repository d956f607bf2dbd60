package org.halo.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void groupedShortFlagsAndAttachedArguments() throws Exception {
        Options o = Options.parse("-nlD", "-f/etc/k.conf", "-p", "/run/a.pid", "-iNODE1");
        assertTrue(o.has("dont-fork"));
        assertTrue(o.has("log-console"));
        assertTrue(o.has("log-detail"));
        assertEquals(Path.of("/etc/k.conf"), o.path("use-file").orElseThrow());
        assertEquals(Path.of("/run/a.pid"), o.path("pid").orElseThrow());
        assertEquals("NODE1", o.value("config-id").orElseThrow());
    }

    @Test
    void longOptionsWithEqualsSeparateValueAndUniquePrefix() throws Exception {
        Options o = Options.parse("--use-file=/a.conf", "--config-id", "x", "--log-cons", "--dump-conf");
        assertEquals(Path.of("/a.conf"), o.path("use-file").orElseThrow());
        assertEquals("x", o.value("config-id").orElseThrow());
        assertTrue(o.has("log-console"));
        assertTrue(o.has("dump-conf"));
    }

    @Test
    void optionalArgumentOnlyWhenAttached() throws Exception {
        assertEquals("/tmp/log", Options.parse("-t/tmp/log").value("config-test").orElseThrow());
        assertEquals("/tmp/log", Options.parse("--config-test=/tmp/log").value("config-test").orElseThrow());
        Options bare = Options.parse("-t");
        assertTrue(bare.has("config-test"));
        assertFalse(bare.value("config-test").isPresent());
    }

    @Test
    void malformedCommandLinesAreRejected() {
        assertThrows(Options.UsageException.class, () -> Options.parse("-z"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--no-such-option"));
        assertThrows(Options.UsageException.class, () -> Options.parse("-f"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--dont-fork=yes"));
        assertThrows(Options.UsageException.class, () -> Options.parse("stray"));
        // "--d" could be --dont-fork, --dump-conf, --dont-release-vrrp, ...
        assertThrows(Options.UsageException.class, () -> Options.parse("--d"));
    }

    @Test
    void unimplementedFlagsAreReportedAndExitNonZero() throws Exception {
        assertEquals(List.of("check", "snmp"),
                Options.parse("-C", "-x", "-n").unimplemented().stream().map(Options.Flag::longName).toList());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"-n", "--snmp"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not implemented yet: -x/--snmp"), err.toString());
    }

    @Test
    void everyKeepalivedFlagIsRecognised() throws Exception {
        // The short options of `keepalived --help` (2.2.7).
        for (char c : "fPCBlDSGuXVIRndprTcabxAsmMeitvh".toCharArray()) {
            assertTrue(Options.FLAGS.stream().anyMatch(f -> f.shortName() == c), "missing -" + c);
        }
        for (String l : List.of("all", "signum")) {
            assertTrue(Options.FLAGS.stream().anyMatch(f -> f.longName().equals(l)), "missing --" + l);
        }
    }

    @Test
    void daemonNameComesFromNameThenPidFile() throws Exception {
        assertEquals("edge", Main.daemonName(Options.parse("--name", "edge", "-p", "/run/x.pid")));
        assertEquals("keepalived-b", Main.daemonName(Options.parse("-p", "/run/keepalived-b.pid")));
        assertEquals("default", Main.daemonName(Options.parse("-n")));
        java.util.Map<String, String> global = java.util.Map.of("net_namespace", "blue", "instance", "edge2");
        assertEquals("edge2", Main.daemonName(Options.parse("-n"), global::get), "keepalived's instance names the daemon");
        assertEquals("blue", Main.daemonName(Options.parse("-n"), java.util.Map.of("net_namespace", "blue")::get));
        assertEquals("x", Main.daemonName(Options.parse("-p", "/run/x.pid"), global::get), "-p wins over the file");
    }

    @Test
    void globalKeywordsReadTopLevelWordsOfTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path named = dir.resolve("named.conf");
        java.nio.file.Files.writeString(named, "instance edge3\nvrrp_instance VI_1 {\n  interface lo\n}\n");
        assertEquals("edge3", Main.globalKeywords(named, "h").apply("instance"));
        assertEquals(null, Main.globalKeywords(named, "h").apply("net_namespace"));
        Path plain = dir.resolve("plain.conf");
        java.nio.file.Files.writeString(plain, "vrrp_instance VI_1 {\n  interface lo\n}\n");
        assertEquals(null, Main.globalKeywords(plain, "h").apply("instance"));
        assertEquals(null, Main.globalKeywords(dir.resolve("missing.conf"), "h").apply("instance"));
    }

    @Test
    void versionAndHelpExitZero() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[] {"-v"}, System.out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Halo v"));
        assertEquals(0, Main.run(new String[] {"--help"}, System.out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--use-file"));
    }

    /** keepalived 2.2.7's answers (checked: keepalived --signum=X for each); JSON/STATS_CLEAR as a build without them. */
    @Test
    void signumAnswersAsKeepalivedForTheSignalsHaloHandles() {
        for (String[] fx : new String[][] {{"STOP", "15"}, {"RELOAD", "1"}, {"DATA", "10"}, {"STATS", "12"}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = Main.run(new String[] {"--signum=" + fx[0]}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, rc, fx[0]);
            assertEquals(fx[1], out.toString(StandardCharsets.UTF_8).trim(), fx[0]);
        }
        for (String f : List.of("JSON", "STATS_CLEAR", "FOO")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = Main.run(new String[] {"--signum", f}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, rc, f);
            assertEquals("Unknown sigfunc " + f, err.toString(StandardCharsets.UTF_8).trim());
            assertEquals("", out.toString(StandardCharsets.UTF_8));
        }
    }
}
