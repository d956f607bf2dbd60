package org.halo.itest.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.halo.testing.FelixHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Hot swap of checker plug-ins in a running framework: uninstalling, reinstalling and updating the
 * script checker while a vrrp_script check runs, and dropping a new version of the example checker into
 * deploy/. The check's health never flaps and its counters carry over.
 */
class CheckerHotSwapTest {

    private static FelixHarness h;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        h = FelixHarness.builder().feature("full").start();
        work = Files.createTempDirectory("halo-itp");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            h.close();
        } finally {
            FelixHarnessCleanup.deleteTree(work);
        }
    }

    /** A script whose exit status is whatever {@code status} holds; each run appends a line to {@code runs}. */
    static Path statusScript(Path dir, String name) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("status"), "0\n");
        Path s = d.resolve("check.sh");
        Files.writeString(s, "#!/bin/sh\necho run >> " + d.resolve("runs") + "\nexit $(cat " + d.resolve("status") + ")\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        return s;
    }

    /** Polls the check while {@code during} runs and returns every health seen. */
    static List<String> watch(String id, ThrowingRunnable during) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread t = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Plugins.Row r = Plugins.checks(h).get(id);
                    if (r != null) {
                        seen.add(r.health());
                    }
                    Thread.sleep(10);
                } catch (Exception e) {
                    seen.add("error " + e);
                }
            }
        });
        t.start();
        try {
            during.run();
        } finally {
            stop.set(true);
            t.join();
        }
        return seen;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void scriptCheckerUninstallReinstallUpdateKeepsStateAndNeverFlaps() throws Exception {
        Path script = statusScript(work, "chk");
        Plugins.cfg(h, "org.halo.vrrp.script-chk.cfg", Map.of("name", "chk", "script", script.toString(),
                "interval", "0.05", "timeout", "2", "fall", "2", "rise", "2"));
        String id = "vrrp_script:chk";
        Plugins.awaitCheck(h, id, r -> r.health().equals("UP") && r.probes() >= 3, Duration.ofSeconds(30));
        Path jar = Plugins.distributionJar("org.halo.check.script");

        List<String> seen = watch(id, () -> {
            // 1. uninstall: last state kept, marked "no checker", no probes
            h.bundle("org.halo.check.script").uninstall();
            Plugins.Row gone = Plugins.awaitCheck(h, id, r -> !r.checker(), Duration.ofSeconds(10));
            Thread.sleep(300);
            Plugins.Row still = Plugins.checks(h).get(id);
            assertEquals("UP", still.health());
            assertEquals(gone.probes(), still.probes(), "no probes while no checker");
            // 2. reinstall: resumes with the counters carried over
            h.install(jar);
            Plugins.awaitCheck(h, id, r -> r.checker() && r.probes() > still.probes() + 3, Duration.ofSeconds(20));
            // 3. update in place (same jar, new revision)
            Plugins.Row before = Plugins.checks(h).get(id);
            h.bundle("org.halo.check.script").update();
            Plugins.awaitCheck(h, id, r -> r.checker() && r.probes() > before.probes() + 3, Duration.ofSeconds(20));
        });
        assertTrue(seen.size() > 10, "watched " + seen.size() + " times");
        assertTrue(seen.stream().allMatch("UP"::equals), "health never left UP: " + seen.stream().distinct().toList());
        assertTrue(h.execute("halo:checkers").contains("org.halo.check.script"));
    }

    @Test
    void downStateIsCarriedAcrossAnAbsentChecker() throws Exception {
        Path script = statusScript(work, "chk2");
        Path status = script.resolveSibling("status");
        Plugins.cfg(h, "org.halo.vrrp.script-chk2.cfg", Map.of("name", "chk2", "script", script.toString(),
                "interval", "0.05", "timeout", "2", "fall", "2", "rise", "2"));
        String id = "vrrp_script:chk2";
        Plugins.awaitCheck(h, id, r -> r.health().equals("UP"), Duration.ofSeconds(30));
        Files.writeString(status, "1\n");
        Plugins.awaitCheck(h, id, r -> r.health().equals("DOWN"), Duration.ofSeconds(10));
        Bundle b = h.bundle("org.halo.check.script");
        b.stop();
        Plugins.awaitCheck(h, id, r -> !r.checker(), Duration.ofSeconds(10));
        Files.writeString(status, "0\n");
        Thread.sleep(300);
        assertEquals("DOWN", Plugins.checks(h).get(id).health(), "no checker: the last state stays");
        b.start();
        Plugins.awaitCheck(h, id, r -> r.checker() && r.health().equals("UP"), Duration.ofSeconds(10));
    }

    @Test
    void exampleCheckerFromDeployIsConfiguredByCfgAndANewVersionTakesOverItsTargets() throws Exception {
        Path statusFile = work.resolve("app.status");
        Files.writeString(statusFile, "ok\n");
        Plugins.cfg(h, "org.halo.example.checker.cfg", Map.of("halo.checker.type", "FILE_CHECK", "max.age", "0"));
        Plugins.cfg(h, "org.halo.check-file1.cfg", Map.of("type", "FILE_CHECK", "halo.check.id", "file1",
                "path", statusFile.toString(), "expect", "ok", "delay_loop", "0.05", "connect_timeout", "1"));
        Path deployed = h.deployDir().resolve("example-checker.jar");
        Files.copy(Plugins.exampleCheckerJar(), deployed);
        Plugins.awaitCheck(h, "file1", r -> r.checker() && r.health().equals("UP") && r.probes() > 2, Duration.ofSeconds(30));
        String checkers = h.execute("halo:checkers");
        assertTrue(checkers.contains("org.halo.example.checker") && checkers.contains("FILE_CHECK"), checkers);

        // The application reports trouble: the core (not the plug-in) decides DOWN after fall (retry 1 -> 2).
        Files.writeString(statusFile, "degraded\n");
        Plugins.awaitCheck(h, "file1", r -> r.health().equals("DOWN"), Duration.ofSeconds(10));
        Files.writeString(statusFile, "ok\n");
        Plugins.awaitCheck(h, "file1", r -> r.health().equals("UP"), Duration.ofSeconds(10));

        // A new version of the jar lands in deploy/: FileInstall updates the bundle in place.
        Path v2 = work.resolve("example-checker-0.1.1.jar");
        withVersion(Plugins.exampleCheckerJar(), v2, "0.1.1");
        Plugins.Row before = Plugins.checks(h).get("file1");
        List<String> seen = watch("file1", () -> {
            Path tmp = h.deployDir().resolve(".example-checker.jar.tmp");
            Files.copy(v2, tmp);
            Files.move(tmp, deployed, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!h.execute("halo:checkers").contains("0.1.1") && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            Plugins.awaitCheck(h, "file1", r -> r.checker() && r.probes() > before.probes() + 3, Duration.ofSeconds(20));
        });
        assertTrue(h.execute("halo:checkers").contains("0.1.1"), h.execute("halo:checkers"));
        assertTrue(seen.stream().allMatch("UP"::equals), "no flap during the update: " + seen.stream().distinct().toList());

        // Removed from deploy/: targets keep their state, marked "no checker".
        Files.delete(deployed);
        Plugins.Row gone = Plugins.awaitCheck(h, "file1", r -> !r.checker(), Duration.ofSeconds(30));
        assertEquals("UP", gone.health());
    }

    /** Copies a bundle jar with another Bundle-Version (what a rebuilt plug-in release looks like). */
    static void withVersion(Path in, Path out, String version) throws Exception {
        try (JarInputStream jin = new JarInputStream(Files.newInputStream(in))) {
            Manifest mf = new Manifest(jin.getManifest());
            mf.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream jout = new JarOutputStream(Files.newOutputStream(out), mf)) {
                for (JarEntry e; (e = jin.getNextJarEntry()) != null;) {
                    jout.putNextEntry(new JarEntry(e.getName()));
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    jin.transferTo(buf);
                    jout.write(buf.toByteArray());
                    jout.closeEntry();
                }
            }
        }
    }
}
