package org.halo.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@code bin/halo}: keepalived 2.2.7's command line in front of an embedded Felix, and {@code halo shell}.
 * Always runs in the foreground; SIGTERM/SIGINT stop the framework cleanly, SIGHUP asks for a reload,
 * SIGUSR1/SIGUSR2 for keepalived.data/keepalived.stats.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger("org.halo.launcher");
    static final String DEFAULT_CONFIG = "/etc/keepalived/keepalived.conf";
    static final Path RUN_ROOT = Path.of(System.getenv().getOrDefault("HALO_RUN_ROOT", "/run/halo"));

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // the log is written by its own thread (AsyncHandler): what an early failure logged must reach it
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.flush();
        }
        System.exit(code);
    }

    /** The whole command line, returning the process exit code (keepalived's codes where it has them). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("shell")) {
            return ShellClient.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("demo")) {
            return org.halo.launcher.demo.Demo.run(Arrays.copyOfRange(args, 1, args.length));
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (Options.UsageException e) {
            err.println("halo: " + e.getMessage());
            err.print(Options.usage());
            return 1;
        }
        if (o.has("help")) {
            err.print(Options.usage());
            return 0;
        }
        if (o.has("version")) {
            err.println(versionText());
            return 0;
        }
        if (o.has("signum")) {
            return signum(o.value("signum").orElse(""), out, err);
        }
        List<Options.Flag> missing = o.unimplemented();
        if (!missing.isEmpty()) {
            err.println("halo: recognised but not implemented yet: " + missing.stream()
                    .map(f -> (f.shortName() != '\0' ? "-" + f.shortName() + "/" : "") + "--" + f.longName())
                    .collect(Collectors.joining(", ")));
            return 1;
        }
        Path config = o.path("use-file").orElse(Path.of(DEFAULT_CONFIG));
        String configId = o.value("config-id").orElseGet(Main::shortHostname);
        if (o.has("config-test")) {
            return configTest(config, configId, o.value("config-test").orElse(null), err);
        }
        try {
            return daemon(o, config, configId, out);
        } catch (Exception e) {
            err.println("halo: " + e);
            LOG.log(Level.ERROR, "Halo failed to start: " + e, e);
            return 1;
        }
    }

    /**
     * keepalived's {@code --signum=NAME}: the signal a controller (systemd's ExecReload, the Prometheus
     * exporters) sends for a function. STATS_CLEAR and JSON are real-time signals (63, 36) that a JVM cannot
     * catch; bin/halo ignores them, and Halo answers like a keepalived built without them (exit 1) so a
     * controller in JSON mode fails loudly instead of reading a file nobody writes.
     */
    static int signum(String function, PrintStream out, PrintStream err) {
        Integer number = switch (function) {
            case "STOP" -> 15;
            case "RELOAD" -> 1;
            case "DATA" -> 10;
            case "STATS" -> 12;
            default -> null;
        };
        if (number == null) {
            err.println("Unknown sigfunc " + function);
            return 1;
        }
        out.println(number);
        return 0;
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    static String versionText() {
        return "Halo v" + version() + "\n\nkeepalived 2.2.7 compatible; runs on Apache Felix";
    }

    private static int configTest(Path config, String configId, String logFile, PrintStream err) {
        if (logFile == null) {
            return org.halo.config.cli.ConfigCli.configTest(config, configId, err);
        }
        try (PrintStream log = new PrintStream(Files.newOutputStream(Path.of(logFile)), true, StandardCharsets.UTF_8)) {
            return org.halo.config.cli.ConfigCli.configTest(config, configId, log);
        } catch (IOException e) {
            err.println("halo: cannot write " + logFile + ": " + e.getMessage());
            return 1;
        }
    }

    /** The default config id: the node name without its domain, as keepalived uses. */
    static String shortHostname() {
        String h;
        try {
            h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            h = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        int dot = h.indexOf('.');
        return dot > 0 ? h.substring(0, dot) : h;
    }

    /** The daemon's name: {@code --name}, else the -p pid file's base name, else "default". */
    static String daemonName(Options o) {
        return daemonName(o, null);
    }

    /**
     * The daemon's name, which selects its run dir, state dir, pid file and shell socket: {@code --name}, else the
     * {@code -p} file's base name, else keepalived's top-level {@code instance} or {@code net_namespace} of the
     * configuration (as keepalived names its pid files after them), else {@code default}.
     */
    static String daemonName(Options o, java.util.function.Function<String, String> globalKeyword) {
        return o.value("name").orElseGet(() -> o.path("pid")
                .map(p -> p.getFileName().toString().replaceFirst("\\.pid$", ""))
                .orElseGet(() -> {
                    if (globalKeyword != null) {
                        for (String keyword : List.of("instance", "net_namespace")) {
                            String v = globalKeyword.apply(keyword);
                            if (v != null && !v.isBlank()) {
                                return v;
                            }
                        }
                    }
                    return "default";
                }));
    }

    /** Words that can name the daemon, or pull in files that might ({@code include}). */
    private static final java.util.regex.Pattern NAMING_WORDS = java.util.regex.Pattern.compile("\\b(instance|net_namespace|include)\\b");

    /**
     * Top-level keywords' first words in the configuration file (null when absent or when the file does not
     * parse). The file is parsed at most once, and not at all when no word could name the daemon: a
     * 10,000-instance file takes seconds to parse, and the config bridge parses it again anyway.
     */
    static java.util.function.Function<String, String> globalKeywords(Path config, String configId) {
        try {
            if (!NAMING_WORDS.matcher(Files.readString(config)).find()) {
                return keyword -> null;
            }
        } catch (IOException | RuntimeException e) {
            return keyword -> null;
        }
        org.halo.config.grammar.Node tree;
        try {
            tree = org.halo.config.ConfigLoader.load(config, configId).tree();
        } catch (RuntimeException e) {
            tree = null;
        }
        org.halo.config.grammar.Node root = tree;
        return keyword -> {
            org.halo.config.grammar.Node n = root == null ? null : root.last(keyword);
            return n == null || n.args().isEmpty() ? null : n.arg(0);
        };
    }

    static Path home() {
        String h = System.getProperty("halo.home");
        if (h != null) {
            return Path.of(h).toAbsolutePath().normalize();
        }
        try { // lib/org.halo.launcher-V.jar -> the installation directory
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int daemon(Options o, Path config, String configId, PrintStream out) throws Exception {
        Logging logging = Logging.install(o.has("log-console"), o.has("log-detail"), o.has("no-syslog"),
                o.value("log-facility").orElse(null));
        java.util.concurrent.atomic.AtomicReference<java.util.function.Function<String, String>> keywords =
                new java.util.concurrent.atomic.AtomicReference<>();
        String name = daemonName(o, keyword -> keywords.updateAndGet( // only when neither --name nor -p names the daemon
                k -> k != null ? k : globalKeywords(config, configId)).apply(keyword));
        Path home = home();
        Path runDir = o.path("run-dir").orElse(RUN_ROOT.resolve(name));
        Path stateDir = o.path("state-dir").orElse(home.resolve("var").resolve(name));
        String feature = o.value("feature").orElse(o.has("vrrp") ? "vrrp" : null);
        Appliance.Settings s = new Appliance.Settings(home, feature, name, stateDir, runDir, o.path("deploy-dir").orElse(home.resolve("deploy")),
                config, configId, Map.of());
        LOG.log(Level.INFO, "Starting Halo v" + version() + " (" + name + ", feature " + s.featureName() + ")");
        LOG.log(Level.INFO, "Command line: " + String.join(" ", o.seen().stream()
                .map(x -> "--" + x.flag().longName() + (x.value() == null ? "" : "=" + x.value())).toList()));
        if (o.has("dump-conf")) {
            org.halo.config.cli.ConfigCli.dumpConfig(config, configId, out);
        }
        long t0 = System.nanoTime();
        // pid files first, as keepalived writes them before it starts its work
        List<Path> pidFiles = new ArrayList<>();
        pidFiles.add(o.path("pid").orElse(runDir.resolve("halo.pid")));
        o.path("vrrp_pid").ifPresent(pidFiles::add); // one process serves every keepalived role
        o.path("checkers_pid").ifPresent(pidFiles::add);
        o.path("bfd_pid").ifPresent(pidFiles::add);
        String pid = Long.toString(ProcessHandle.current().pid());
        for (Path p : pidFiles) {
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.writeString(p, pid + "\n");
        }
        // Registered before the framework starts, so a SIGTERM during start-up still removes the pid files.
        java.util.concurrent.atomic.AtomicReference<Appliance> started = new java.util.concurrent.atomic.AtomicReference<>();
        Thread hook = new Thread(() -> {
            stop(started.get(), pidFiles, logging);
            // keepalived exits 0 after a clean SIGTERM stop; the JVM would report 143 (128 + SIGTERM). halt()
            // skips the JVM's own flushing, so the last log lines are flushed here.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }, "halo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Appliance app;
        try {
            app = Appliance.start(s);
        } catch (Exception e) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and removes the pid files
            }
            for (Path p : pidFiles) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
        started.set(app);
        for (String sig : Signals.FORWARDED) {
            Signals.on(sig, () -> signal(app.context(), sig));
        }
        // Tracked from now on, so the SIGTERM handler finds the release without a service query (an LDAP filter
        // parsed on the signal path cost milliseconds).
        org.osgi.util.tracker.ServiceTracker<Runnable, Runnable> termHandlers = termTracker(app.context());
        Signals.onTerm(() -> runInline(termHandlers, "TERM"));
        LOG.log(Level.INFO, String.format("Halo ready in %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
        SdNotify.ready();
        if (Boolean.getBoolean(EXIT_WHEN_READY)) {
            // The packaging build's class-list run (lib/halo.jsa, docs/jvm-tuning.md): start, then stop cleanly,
            // so the JVM writes the CDS archive of every class the start-up loaded.
            app.framework().stop();
        }
        app.awaitStop();
        // Stopped from inside (e.g. the shell's `stop 0`): run the same cleanup, then leave.
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(app, pidFiles, logging);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running and does the cleanup
        }
        return 0;
    }

    private static void stop(Appliance app, List<Path> pidFiles, Logging logging) {
        LOG.log(Level.INFO, "Stopping");
        if (app != null) { // null: stopped while the framework was still starting
            BundleContext ctx = app.context();
            if (ctx != null) { // null once the framework stopped itself (shell `stop 0`)
                stopFirst(ctx, VRRP_RUNTIME);
            }
            try {
                app.close();
            } catch (Exception e) {
                LOG.log(Level.ERROR, "stopping the framework: " + e, e);
            }
        }
        for (Path p : pidFiles) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot remove " + p + ": " + e.getMessage());
            }
        }
        LOG.log(Level.INFO, "Stopped Halo");
        logging.close();
    }

    /** System property: stop as soon as the daemon is ready (used to record the CDS archive at build time). */
    static final String EXIT_WHEN_READY = "halo.exitWhenReady";

    /** Stopped before the rest of the framework, as keepalived stops its VRRP child first. */
    static final String VRRP_RUNTIME = "org.halo.vrrp.runtime";

    /**
     * Stops one bundle ahead of the framework: the VRRP runtime sends its priority-0 adverts and removes its VIPs
     * before checkers, notifiers and the shell are torn down, so a backup takes over after only its skew time.
     */
    private static void stopFirst(BundleContext ctx, String bsn) {
        try {
            for (Bundle b : ctx.getBundles()) {
                if (bsn.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                    b.stop(Bundle.STOP_TRANSIENT);
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "stopping " + bsn + " first: " + e);
        }
    }

    /** The {@code halo.signal=TERM} services (the VRRP runtime's release), tracked while the daemon runs. */
    static org.osgi.util.tracker.ServiceTracker<Runnable, Runnable> termTracker(BundleContext ctx) {
        try {
            org.osgi.util.tracker.ServiceTracker<Runnable, Runnable> t = new org.osgi.util.tracker.ServiceTracker<>(ctx,
                    ctx.createFilter("(&(objectClass=" + Runnable.class.getName() + ")(halo.signal=TERM))"), null);
            t.open();
            return t;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs tracked signal services on the calling thread, highest service ranking first (the VRRP release
     * before anything that only tidies up): each bounds its own work, and a thread start here is latency
     * before the priority-0 adverts.
     */
    static void runInline(org.osgi.util.tracker.ServiceTracker<Runnable, Runnable> handlers, String name) {
        ServiceReference<Runnable>[] refs = handlers.getServiceReferences();
        if (refs == null) {
            return;
        }
        // ServiceReference's natural order ranks the lower ranking (and, on a tie, the later id) first
        java.util.Arrays.sort(refs, java.util.Collections.reverseOrder());
        for (ServiceReference<Runnable> ref : refs) {
            Runnable svc = handlers.getService(ref);
            if (svc == null) {
                continue;
            }
            try {
                svc.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "SIG" + name + " handler " + svc + " failed: " + e, e);
            }
        }
    }

    /**
     * Delivers a signal to the services that asked for it: every {@code java.lang.Runnable} registered with
     * service property {@code halo.signal=NAME} (e.g. the config bridge for HUP = reload). Each runs with a
     * 30 s timeout on its own thread, so a slow one delays nothing else.
     */
    static void signal(BundleContext ctx, String name) {
        LOG.log(Level.INFO, "Received SIG" + name);
        ServiceReference<?>[] refs;
        try {
            refs = ctx.getServiceReferences(Runnable.class.getName(), "(halo.signal=" + name + ")");
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return;
        }
        if (refs == null) {
            LOG.log(Level.INFO, "nothing handles SIG" + name);
            return;
        }
        ExecutorService ex = Executors.newCachedThreadPool(r -> new Thread(r, "halo-signal-" + name));
        try {
            for (ServiceReference<?> ref : refs) {
                Object svc = ctx.getService(ref);
                if (svc instanceof Runnable r) {
                    Future<?> f = ex.submit(r);
                    try {
                        f.get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        f.cancel(true);
                        LOG.log(Level.ERROR, "SIG" + name + " handler " + svc + " failed: " + e, e);
                    } finally {
                        ctx.ungetService(ref);
                    }
                }
            }
        } finally {
            ex.shutdownNow();
        }
    }
}
