package org.halo.systest.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts keepalived or Halo on a lab node with a given keepalived.conf, keepalived's flags and pid files. */
public final class VrrpDaemons {
    /** Which implementation runs on a node. */
    public enum Kind {
        KEEPALIVED,
        /** The full daemon: the distribution's bin/halo (launcher, Felix, config, runtime). */
        HALO,
        /** Halo's VRRP core (engine + Linux layer + runtime wiring) as a plain JVM: HaloCoreNode. */
        HALO_CORE
    }

    public static final String KEEPALIVED = System.getProperty("halo.keepalived", "/usr/sbin/keepalived");

    /** Extra Halo flags, e.g. -Dhalo.systest.haloArgs=-P for the VRRP-only feature. */
    static final List<String> HALO_EXTRA = System.getProperty("halo.systest.haloArgs", "").isBlank() ? List.of()
            : List.of(System.getProperty("halo.systest.haloArgs").trim().split("\\s+"));

    private VrrpDaemons() {
    }

    /** The distribution's bin/halo, from -Dhalo.bin, else distribution/target/halo-* /bin/halo. */
    public static Path haloBin() {
        String explicit = System.getProperty("halo.bin");
        if (explicit != null) {
            return Path.of(explicit);
        }
        Path home = Path.of(System.getProperty("halo.home", "distribution/target"));
        try (var s = Files.list(home)) {
            return s.filter(p -> p.getFileName().toString().startsWith("halo-") && Files.isDirectory(p)).map(p -> p.resolve("bin/halo"))
                    .filter(Files::isExecutable).findFirst().orElse(home.resolve("halo-missing/bin/halo"));
        } catch (IOException e) {
            return home.resolve("halo-missing/bin/halo");
        }
    }

    public static boolean haloAvailable() {
        return Files.isExecutable(haloBin());
    }

    /** Creates (does not start) the daemon for the node from a configuration. */
    public static Daemon create(Lab lab, Lab.Node node, Kind kind, VrrpConf conf) {
        if (kind == Kind.HALO) {
            return createHalo(lab, node, conf);
        }
        if (kind != Kind.HALO_CORE) {
            return create(lab, node, kind, conf.text());
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:+AlwaysPreTouch", "-cp", coreClasspath(), "org.halo.systest.halo.HaloCoreNode"));
        cmd.addAll(conf.coreArgs());
        return lab.daemon("halo-core", node.ns(), node.name(), cmd, gcEnv(lab, node, kind));
    }

    /**
     * The full daemon, as a keepalived user runs it: {@code bin/halo -f keepalived.conf}; the config bridge
     * publishes the file to ConfigAdmin and the VRRP runtime runs it. Each node gets its own deploy folder.
     */
    static Daemon createHalo(Lab lab, Lab.Node node, VrrpConf conf) {
        return create(lab, node, Kind.HALO, conf.text(), haloBin().toString());
    }

    private static String coreClasspath;

    /**
     * This module's classes plus its runtime dependencies (target/classpath.txt, written by the build),
     * copied once per run into target/core-lib-PID: other builds may replace the jars in the local
     * repository while a run is going, and a JVM whose jar changed under it fails on its next class load.
     */
    static synchronized String coreClasspath() {
        if (coreClasspath != null) {
            return coreClasspath;
        }
        Path classes = Path.of(NsAgent.classesLocation());
        Path cp = classes.getParent().resolve("classpath.txt");
        Path lib = classes.getParent().resolve("core-lib-" + ProcessHandle.current().pid());
        try {
            List<String> entries = new ArrayList<>();
            entries.add(copyTree(classes, lib.resolve("classes")).toString());
            for (String e : Files.readString(cp).strip().split(":")) {
                Path src = Path.of(e);
                Path dst = lib.resolve(src.getFileName());
                Files.createDirectories(lib);
                Files.copy(src, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                entries.add(dst.toString());
            }
            coreClasspath = String.join(":", entries);
            return coreClasspath;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Halo core classpath from " + cp + " (build tests/system with maven first)", e);
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** Writes the conf and creates (does not start) the daemon for the node. */
    public static Daemon create(Lab lab, Lab.Node node, Kind kind, String conf) {
        return create(lab, node, kind, conf, kind == Kind.HALO ? haloBin().toString() : KEEPALIVED);
    }

    static Daemon create(Lab lab, Lab.Node node, Kind kind, String conf, String executable) {
        String tag = kind == Kind.HALO ? "halo" : "keepalived";
        Path confFile = lab.file("conf/" + node.name() + "." + tag + ".conf");
        Path run = lab.file("run/" + node.name() + "/" + tag + ".pid").getParent();
        try {
            Files.writeString(confFile, conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(List.of("-n", "-l", "-D", "-f", confFile.toString(), "-p", run.resolve(tag + ".pid").toString(), "-r",
                run.resolve(tag + "-vrrp.pid").toString(), "-c", run.resolve(tag + "-checkers.pid").toString()));
        cmd.add("-G"); // console only: syslog is shared by every namespace
        if (kind == Kind.HALO) {
            // one daemon per namespace on one host: separate name, run and state directories
            cmd.addAll(List.of("--name", lab.prefix() + node.name(), "--run-dir", run.toString(), "--state-dir",
                    lab.dir().resolve("state").resolve(node.name()).toString(), "--deploy-dir",
                    lab.dir().resolve("deploy").resolve(node.name()).toString()));
            cmd.addAll(HALO_EXTRA);
        }
        return lab.daemon(tag, node.ns(), node.name(), cmd, kind == Kind.KEEPALIVED ? Map.of() : gcEnv(lab, node, kind));
    }

    /** Where a Halo kind's JVMs write their GC logs (one file per node and JVM start). */
    public static Path gcDir(Lab lab, Kind kind) {
        return lab.dir().resolve("gc-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The GC log option, through JDK_JAVA_OPTIONS: the java launcher adds it to whatever options bin/halo
     * chooses (HALO_JAVA_OPTS would replace them), so the benchmark measures the daemon as shipped.
     */
    static Map<String, String> gcEnv(Lab lab, Lab.Node node, Kind kind) {
        Path dir = gcDir(lab, kind);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("JDK_JAVA_OPTIONS", GcLog.option(dir, node.name()));
    }

    /** Removes stale pid files (a SIGKILLed keepalived leaves them and would refuse to start). */
    public static void clearPidFiles(Lab lab, Lab.Node node) {
        Path run = lab.dir().resolve("run").resolve(node.name());
        try (var s = Files.list(run)) {
            s.filter(p -> p.toString().endsWith(".pid")).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing there yet
        }
    }
}
