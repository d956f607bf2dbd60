package org.halo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * One running Halo framework: Felix embedded, the bundles of one feature installed at their start
 * levels, framework properties from {@code etc/halo.properties} plus the per-daemon ones. Used by the
 * launcher's {@code main} and by the in-framework test harness, so both run the same code path.
 */
public final class Appliance implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("org.halo.launcher");
    private static final Pattern VAR = Pattern.compile("\\$\\{([^}]+)}");

    /** Everything that differs between two daemons run from one installation. */
    public record Settings(Path home, String feature, String name, Path stateDir, Path runDir, Path deployDir,
            Path configFile, String configId, Map<String, String> extraProperties) {

        public Settings {
            extraProperties = Map.copyOf(extraProperties);
        }

        /** {@code feature}, else {@code halo.feature} from etc/halo.properties, else "full". */
        public String featureName() throws IOException {
            return feature != null ? feature : frameworkProperties(this).getOrDefault("halo.feature", "full");
        }
    }

    private final Framework framework;
    private final Settings settings;

    private Appliance(Framework framework, Settings settings) {
        this.framework = framework;
        this.settings = settings;
    }

    /**
     * Starts the framework and waits until its beginning start level is reached, so every bundle of the
     * feature has been started (and DS has activated its immediate components) when this returns.
     */
    public static Appliance start(Settings s) throws IOException, BundleException, InterruptedException {
        Files.createDirectories(s.stateDir());
        Files.createDirectories(s.runDir());
        Files.createDirectories(s.deployDir());
        Map<String, String> props = frameworkProperties(s);
        List<Feature.Bundle> bundles = Feature.bundles(s.home().resolve("etc/features"), s.featureName());
        Map<String, Map<String, Object>> configurations = Feature.configurations(s.home().resolve("etc/features"), s.featureName());
        int top = bundles.stream().mapToInt(Feature.Bundle::startLevel).max().orElse(1);
        // Start at level 1 (framework services, ConfigAdmin), apply the feature's default configurations,
        // then move to the top level, so components see their configuration when they first activate.
        props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1");

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Appliance.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        long t0 = System.nanoTime();
        Framework fw = factory.newFramework(props);
        fw.init();
        long tInit = System.nanoTime();
        BundleContext ctx = fw.getBundleContext();
        ctx.addFrameworkListener(ev -> {
            if (ev.getType() == FrameworkEvent.ERROR) {
                LOG.log(Level.ERROR, "bundle " + (ev.getBundle() == null ? "?" : ev.getBundle().getSymbolicName())
                        + ": " + ev.getThrowable(), ev.getThrowable());
            }
        });
        List<Bundle> installed = new ArrayList<>();
        for (Feature.Bundle b : bundles) {
            Path jar = s.home().resolve("bundle").resolve(b.fileName());
            if (!Files.isRegularFile(jar)) {
                throw new IOException("feature '" + s.featureName() + "' lists " + b.id() + " but " + jar + " is missing");
            }
            // reference: Felix reads the jar in place instead of copying it into the bundle cache at every start
            // (23 jars, about a third of the framework's start-up time); bundle/ is not modified while a daemon runs.
            Bundle bundle = ctx.installBundle("reference:" + jar.toUri());
            bundle.adapt(BundleStartLevel.class).setStartLevel(b.startLevel());
            installed.add(bundle);
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start(); // persistent start: it becomes active when its start level is reached
            }
        }
        long tInstalled = System.nanoTime();
        FrameworkStartLevel fsl = fw.adapt(FrameworkStartLevel.class);
        fw.start();
        moveTo(fsl, 1);
        long tLevel1 = System.nanoTime();
        try {
            applyConfigurations(ctx, configurations);
        } catch (ReflectiveOperationException | InvalidSyntaxException | RuntimeException e) {
            fw.stop();
            throw new IOException("cannot apply the configurations of feature '" + s.featureName() + "': " + e, e);
        }
        moveTo(fsl, top);
        // Components that treat start-up differently (the notifier host replays start-up transitions to
        // notifiers arriving while the daemon starts) learn that it is over from this condition.
        ctx.registerService(org.osgi.service.condition.Condition.class, org.osgi.service.condition.Condition.INSTANCE,
                new java.util.Hashtable<>(Map.of(org.osgi.service.condition.Condition.CONDITION_ID, STARTED_CONDITION)));
        // -D: where start-up time goes (docs/jvm-tuning.md)
        LOG.log(Level.DEBUG, () -> String.format("framework init %d ms, %d bundles installed %d ms, start level 1 %d ms, start level %d %d ms",
                ms(tInit - t0), installed.size(), ms(tInstalled - tInit), ms(tLevel1 - tInstalled), top, ms(System.nanoTime() - tLevel1)));
        for (Bundle b : installed) {
            if (b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                LOG.log(Level.ERROR, "bundle " + b.getSymbolicName() + " " + b.getVersion() + " is not active");
            }
        }
        return new Appliance(fw, s);
    }

    /** {@code osgi.condition.id} of the condition registered once every bundle of the feature has started. */
    public static final String STARTED_CONDITION = "halo.started";

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void moveTo(FrameworkStartLevel fsl, int level) throws InterruptedException {
        CountDownLatch atLevel = new CountDownLatch(1);
        // Felix changes start levels on its own thread; the listener fires once it got there.
        fsl.setStartLevel(level, ev -> atLevel.countDown());
        if (!atLevel.await(120, TimeUnit.SECONDS)) {
            LOG.log(Level.WARNING, "framework did not reach start level " + level + " in 120 s");
        }
    }

    /**
     * Feature configurations are defaults: a PID (or {@code factoryPid~name}) that ConfigAdmin already
     * has (from its store, deploy/, or an operator) is left as it is. Reflection, because ConfigAdmin's
     * API lives in a bundle, not on the launcher's class path.
     */
    static void applyConfigurations(BundleContext ctx, Map<String, Map<String, Object>> configurations)
            throws ReflectiveOperationException, InvalidSyntaxException {
        if (configurations.isEmpty()) {
            return;
        }
        ServiceReference<?>[] refs = ctx.getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null);
        if (refs == null) {
            throw new IllegalStateException("the feature has configurations but no ConfigurationAdmin runs at start level 1");
        }
        Object admin = ctx.getService(refs[0]);
        try {
            Class<?> adminType = refs[0].getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Class<?> configType = refs[0].getBundle().loadClass("org.osgi.service.cm.Configuration");
            for (Map.Entry<String, Map<String, Object>> e : configurations.entrySet()) {
                String pid = e.getKey();
                int tilde = pid.indexOf('~');
                Object config = tilde > 0
                        ? adminType.getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                                .invoke(admin, pid.substring(0, tilde), pid.substring(tilde + 1), "?")
                        : adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
                if (configType.getMethod("getProperties").invoke(config) == null) {
                    configType.getMethod("update", Dictionary.class).invoke(config, new Hashtable<>(e.getValue()));
                    LOG.log(Level.DEBUG, "default configuration " + pid + " applied");
                }
            }
        } finally {
            ctx.ungetService(refs[0]);
        }
    }

    static Map<String, String> frameworkProperties(Settings s) throws IOException {
        Map<String, String> vars = new HashMap<>();
        vars.put("halo.home", s.home().toString());
        vars.put("halo.name", s.name());
        vars.put("halo.state.dir", s.stateDir().toString());
        vars.put("halo.run.dir", s.runDir().toString());
        vars.put("halo.deploy.dir", s.deployDir().toString());
        vars.put("halo.config.file", s.configFile().toString());
        vars.put("halo.config.id", s.configId());
        Map<String, String> props = new HashMap<>();
        Path file = s.home().resolve("etc/halo.properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            for (String k : p.stringPropertyNames()) {
                props.put(k, substitute(p.getProperty(k), vars));
            }
        }
        props.putAll(vars);
        props.put(Constants.FRAMEWORK_STORAGE, s.stateDir().resolve("cache").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("felix.fileinstall.dir", s.deployDir().toString());
        props.putAll(s.extraProperties());
        return props;
    }

    static String substitute(String value, Map<String, String> vars) {
        Matcher m = VAR.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.getOrDefault(m.group(1), System.getProperty(m.group(1), m.group()));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public Framework framework() {
        return framework;
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    public Settings settings() {
        return settings;
    }

    /** Blocks until the framework stops (shell {@code stop 0}, or {@link #close()} from a signal). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops every bundle in reverse start-level order and waits up to 30 s. */
    @Override
    public void close() throws BundleException, InterruptedException {
        if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING | Bundle.STOPPING)) != 0) {
            framework.stop();
        }
        FrameworkEvent ev = framework.waitForStop(30_000);
        if (ev.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            LOG.log(Level.WARNING, "framework did not stop within 30 s");
        }
    }
}
