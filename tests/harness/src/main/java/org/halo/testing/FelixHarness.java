package org.halo.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.halo.launcher.Appliance;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The assembled distribution's bundles ({@code distribution/target/halo-VERSION}) running in an embedded
 * Felix, started by the same code as {@code bin/halo} ({@link Appliance}), with a temporary state, run and
 * deploy directory. For in-framework tests:
 *
 * <pre>{@code
 * try (FelixHarness h = FelixHarness.builder().feature("vrrp").start()) {
 *     h.install(Path.of("target/my-plugin.jar"));
 *     Map<String, Object> props = h.awaitService("org.halo.api.check.Checker", "(type=HTTP_GET)", Duration.ofSeconds(10));
 *     String out = h.execute("lb");
 * }
 * }</pre>
 *
 * Type identity: the framework's bundles have their own class loaders, so a class of a bundle is a
 * different class from the same-named class on the test class path. Look services up by interface NAME
 * (as here) and use reflection, or keep the bundle jars off the test class path. The OSGi framework API
 * ({@code org.osgi.framework.*}) is shared: it comes from the Felix jar on the class path.
 */
public final class FelixHarness implements AutoCloseable {

    private final Appliance appliance;
    private final Path tempRoot;

    private FelixHarness(Appliance appliance, Path tempRoot) {
        this.appliance = appliance;
        this.tempRoot = tempRoot;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for one harness; every one has a default. */
    public static final class Builder {
        private Path distribution;
        private String feature = "vrrp";
        private Path configFile;
        private String configId = "harness";
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<Path> bundles = new ArrayList<>();

        private Builder() {
            properties.put("felix.fileinstall.poll", "200"); // tests wait less for deploy/ changes
        }

        /** The unpacked distribution; default: system property {@code halo.distribution}, else searched upwards. */
        public Builder distribution(Path dir) {
            this.distribution = dir;
            return this;
        }

        /** A feature in the distribution's etc/features (default "vrrp"). */
        public Builder feature(String name) {
            this.feature = name;
            return this;
        }

        /** The keepalived.conf the framework is told about ({@code halo.config.file}); default an empty temp file. */
        public Builder configFile(Path file) {
            this.configFile = file;
            return this;
        }

        public Builder configId(String id) {
            this.configId = id;
            return this;
        }

        /** An extra framework property (overrides etc/halo.properties). */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** A bundle jar installed and started once the feature is up. */
        public Builder bundle(Path jar) {
            bundles.add(jar);
            return this;
        }

        public FelixHarness start() throws Exception {
            Path home = distribution != null ? distribution : findDistribution();
            Path root = Files.createTempDirectory("halo-h");
            Path conf = configFile;
            if (conf == null) {
                conf = Files.writeString(root.resolve("keepalived.conf"), "");
            }
            Appliance.Settings s = new Appliance.Settings(home, feature, "harness", root.resolve("state"),
                    root.resolve("run"), root.resolve("deploy"), conf.toAbsolutePath(), configId, properties);
            Appliance app;
            try {
                app = Appliance.start(s);
            } catch (Exception e) {
                deleteTree(root);
                throw e;
            }
            FelixHarness h = new FelixHarness(app, root);
            try {
                for (Path b : bundles) {
                    h.install(b);
                }
            } catch (Exception e) {
                h.close();
                throw e;
            }
            return h;
        }
    }

    /** {@code halo.distribution}, else {@code distribution/target/halo-*} in the working directory or a parent. */
    public static Path findDistribution() throws IOException {
        String p = System.getProperty("halo.distribution");
        if (p != null) {
            return Path.of(p).toAbsolutePath();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path target = d.resolve("distribution/target");
            if (Files.isDirectory(target)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, "halo-*")) {
                    for (Path c : ds) {
                        if (Files.isDirectory(c) && Files.isRegularFile(c.resolve("bin/halo"))) {
                            return c;
                        }
                    }
                }
            }
        }
        throw new IOException("no assembled distribution found: build it (mvn install -pl distribution -am) "
                + "or set -Dhalo.distribution=DIR");
    }

    public BundleContext context() {
        return appliance.context();
    }

    public Path deployDir() {
        return appliance.settings().deployDir();
    }

    public Path stateDir() {
        return appliance.settings().stateDir();
    }

    public Path runDir() {
        return appliance.settings().runDir();
    }

    /** Installs and starts a bundle jar; returns it. */
    public Bundle install(Path jar) throws Exception {
        Bundle b = context().installBundle(jar.toAbsolutePath().toUri().toString());
        b.start();
        return b;
    }

    /** The installed bundle with this symbolic name, or null. */
    public Bundle bundle(String symbolicName) {
        for (Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /**
     * Waits until a service with this interface name (and LDAP filter, may be null) is registered and
     * returns its service properties; throws {@link TimeoutException} when none appears in time.
     */
    public Map<String, Object> awaitService(String iface, String filter, Duration timeout)
            throws TimeoutException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            ServiceReference<?>[] refs = references(iface, filter);
            if (refs != null && refs.length > 0) {
                Map<String, Object> props = new HashMap<>();
                for (String k : refs[0].getPropertyKeys()) {
                    props.put(k, refs[0].getProperty(k));
                }
                return props;
            }
            if (System.nanoTime() > end) {
                throw new TimeoutException("no service " + iface + (filter == null ? "" : " " + filter) + " within " + timeout);
            }
            Thread.sleep(25);
        }
    }

    /** Waits until no service with this interface name (and filter) is registered. */
    public void awaitServiceGone(String iface, String filter, Duration timeout) throws TimeoutException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            ServiceReference<?>[] refs = references(iface, filter);
            if (refs == null || refs.length == 0) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new TimeoutException("service " + iface + (filter == null ? "" : " " + filter) + " still registered after " + timeout);
            }
            Thread.sleep(25);
        }
    }

    private ServiceReference<?>[] references(String iface, String filter) {
        try {
            // All references: the system bundle's class space is the test class path, where a same-named
            // class (if any) is not the bundle's class, and the assignability check would hide the service.
            return context().getAllServiceReferences(iface, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter, e);
        }
    }

    /** Thrown when a Gogo command fails; carries what it printed before failing. */
    public static final class CommandFailedException extends Exception {
        private final String output;

        CommandFailedException(String command, String output, Throwable cause) {
            super("command '" + command + "' failed: " + cause, cause);
            this.output = output;
        }

        public String output() {
            return output;
        }
    }

    /**
     * Runs one Gogo command line in a fresh session and returns what it printed plus its formatted result
     * (as the shell shows it). Reflection keeps Gogo's API types off the test class path.
     */
    public String execute(String command) throws Exception {
        ServiceReference<?>[] refs = references("org.apache.felix.service.command.CommandProcessor", null);
        ServiceReference<?> ref = refs == null ? null : refs[0];
        if (ref == null) {
            throw new IllegalStateException("no Gogo CommandProcessor in the framework");
        }
        Object processor = context().getService(ref);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try {
            Class<?> cp = ref.getBundle().loadClass("org.apache.felix.service.command.CommandProcessor");
            Class<?> cs = ref.getBundle().loadClass("org.apache.felix.service.command.CommandSession");
            Method create = cp.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class);
            Object session = create.invoke(processor, new ByteArrayInputStream(new byte[0]), out, out);
            try {
                Object result = cs.getMethod("execute", CharSequence.class).invoke(session, command);
                if (result != null) {
                    Object text = cs.getMethod("format", Object.class, int.class).invoke(session, result, 0 /* Converter.INSPECT */);
                    out.println(text);
                }
            } catch (InvocationTargetException e) {
                out.flush();
                throw new CommandFailedException(command, buf.toString(StandardCharsets.UTF_8), e.getCause());
            } finally {
                cs.getMethod("close").invoke(session);
            }
        } finally {
            context().ungetService(ref);
        }
        out.flush();
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Stops the framework (waits up to 30 s) and deletes the temporary directories. */
    @Override
    public void close() throws Exception {
        try {
            appliance.close();
        } finally {
            deleteTree(tempRoot);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
