package org.halo.itest.plugins;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.halo.testing.FelixHarness;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Test-side helpers. The API classes live in the framework (bundle org.halo.api), not on the test class
 * path, so events and checkers are built by reflection against the API bundle's classes.
 */
final class Plugins {

    private Plugins() {
    }

    /** One line of {@code halo:checks}. */
    record Row(String id, String type, String health, boolean checker, long probes, long failed, long timeouts) {
    }

    private static final Pattern ROW = Pattern.compile(
            "^(\\S+)\\s+(\\S+)\\s+(UNKNOWN|UP|DOWN)\\s+(present|no checker)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\S+\\s*$");

    static Map<String, Row> checks(FelixHarness h) throws Exception {
        Map<String, Row> out = new HashMap<>();
        for (String line : h.execute("halo:checks").lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                out.put(m.group(1), new Row(m.group(1), m.group(2), m.group(3), m.group(4).equals("present"),
                        Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7))));
            }
        }
        return out;
    }

    static Row awaitCheck(FelixHarness h, String id, Predicate<Row> cond, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Row last = null;
        while (System.nanoTime() < end) {
            last = checks(h).get(id);
            if (last != null && cond.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("check " + id + " not as expected within " + timeout + "; last: " + last);
    }

    /** Writes a .cfg into deploy/ (FileInstall turns it into a ConfigAdmin configuration). */
    static Path cfg(FelixHarness h, String fileName, Map<String, String> props) throws IOException {
        StringBuilder s = new StringBuilder();
        props.forEach((k, v) -> s.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
        Path f = h.deployDir().resolve(fileName);
        Path tmp = h.deployDir().resolve("." + fileName + ".tmp");
        Files.writeString(tmp, s);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(2)));
        return f;
    }

    /** The jar of {@code bsn} in the distribution's bundle/ directory. */
    static Path distributionJar(String bsn) throws IOException {
        Path dir = FelixHarness.findDistribution().resolve("bundle");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, bsn + "-*.jar")) {
            for (Path p : ds) {
                return p;
            }
        }
        throw new IllegalStateException("no " + bsn + " in " + dir);
    }

    static Path exampleCheckerJar() {
        Path p = Path.of(System.getProperty("halo.example.checker",
                "../../bundles/org.halo.example.checker/target/org.halo.example.checker-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("example checker not built: " + p);
        }
        return p;
    }

    static Bundle api(FelixHarness h) {
        return h.bundle("org.halo.api");
    }

    /**
     * Publishes a VRRP event through the core's EventPublisher: {@code INSTANCE name state priority}.
     * Returns the nanoTime the publish call took.
     */
    static long publishVrrp(FelixHarness h, String name, String state, int priority) throws Exception {
        Bundle api = api(h);
        Class<?> eventClass = api.loadClass("org.halo.api.notify.VrrpEvent");
        Class<?> scope = api.loadClass("org.halo.api.notify.VrrpEvent$Scope");
        Class<?> vstate = api.loadClass("org.halo.api.vrrp.VrrpState");
        Constructor<?> c = eventClass.getConstructor(long.class, Instant.class, scope, String.class, vstate, vstate, int.class);
        Object event = c.newInstance(0L, Instant.now(), enumValue(scope, "INSTANCE"), name, enumValue(vstate, state),
                enumValue(vstate, "BACKUP"), priority);
        ServiceReference<?> ref = h.context().getAllServiceReferences("org.halo.api.notify.EventPublisher", null)[0];
        Object publisher = h.context().getService(ref);
        try {
            Class<?> pub = api.loadClass("org.halo.api.notify.EventPublisher");
            Class<?> haloEvent = api.loadClass("org.halo.api.notify.HaloEvent");
            long t0 = System.nanoTime();
            pub.getMethod("publish", haloEvent).invoke(publisher, event);
            return System.nanoTime() - t0;
        } finally {
            h.context().ungetService(ref);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /**
     * Registers a Checker for {@code type}, implemented by {@code probe} (target id -> result "SUCCESS",
     * "FAILURE"); registered through the API bundle so the host sees the API's own Checker class.
     */
    static ServiceRegistration<?> registerChecker(FelixHarness h, String type,
            Function<String, java.util.concurrent.CompletionStage<Object>> probe) throws Exception {
        Bundle api = api(h);
        Class<?> checker = api.loadClass("org.halo.api.check.Checker");
        Class<?> target = api.loadClass("org.halo.api.check.CheckTarget");
        Object proxy = Proxy.newProxyInstance(checker.getClassLoader(), new Class<?>[] {checker}, (p, m, args) -> {
            if (m.getName().equals("check")) {
                String id = (String) target.getMethod("id").invoke(args[0]);
                return probe.apply(id);
            }
            if (m.getName().equals("toString")) {
                return "test checker " + type;
            }
            if (m.getName().equals("hashCode")) {
                return System.identityHashCode(p);
            }
            if (m.getName().equals("equals")) {
                return p == args[0];
            }
            throw new UnsupportedOperationException(m.getName());
        });
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("halo.checker.type", type);
        return api.getBundleContext().registerService(checker.getName(), proxy, props);
    }

    /** A CheckResult of the API bundle: success or failure. */
    static Object result(FelixHarness h, boolean ok, String detail) throws Exception {
        Class<?> r = api(h).loadClass("org.halo.api.check.CheckResult");
        return r.getMethod(ok ? "success" : "failure", String.class).invoke(null, detail);
    }
}
