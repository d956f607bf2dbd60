package org.halo.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The bundle in an embedded Felix with SCR, JNA (as a bundle) and the pcap4j wrapper: it resolves, its
 * component activates and registers the four services, and the Netlink service answers (a read-only
 * link dump of the test's own namespace, which always has "lo"). JNA and pcap4j are kept off this
 * test's class path so only the bundles can provide them.
 */
class LinuxBundleIT {
    static final List<String> SERVICES = List.of("org.halo.linux.api.Netlink", "org.halo.linux.api.VrrpSockets",
            "org.halo.linux.api.Announcer", "org.halo.linux.api.Sysctl");

    @Test
    void activatesAndRegistersServices() throws Exception {
        Path storage = Files.createTempDirectory("halo-linux-it");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework fw = new FrameworkFactory().newFramework(config);
        fw.start();
        try {
            BundleContext ctx = fw.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (String jar : System.getProperty("it.bundles").split(",")) {
                installed.add(ctx.installBundle(Path.of(jar).toUri().toString()));
            }
            Bundle self = ctx.installBundle(Path.of(System.getProperty("it.bundle.self")).toUri().toString());
            installed.add(self);
            for (Bundle b : installed) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    b.start();
                }
            }
            assertEquals(Bundle.ACTIVE, self.getState());

            for (String service : SERVICES) {
                ServiceTracker<Object, Object> t = new ServiceTracker<>(ctx, service, null);
                t.open(true);
                try {
                    assertNotNull(t.waitForService(5000), service + " not registered");
                } finally {
                    t.close();
                }
            }
            // getAll: the test (system bundle) does not import the API package, so skip the class-space check
            ServiceReference<?> ref = ctx.getAllServiceReferences("org.halo.linux.api.Netlink", null)[0];
            Object netlink = ctx.getService(ref);
            List<?> links = (List<?>) netlink.getClass().getMethod("links").invoke(netlink);
            boolean lo = false;
            for (Object link : links) {
                lo |= "lo".equals(link.getClass().getMethod("name").invoke(link));
            }
            assertTrue(lo, "links() via the OSGi service: " + links);
            ctx.ungetService(ref);

            self.stop();
            assertEquals(null, ctx.getAllServiceReferences("org.halo.linux.api.Netlink", null));
        } finally {
            fw.stop();
            fw.waitForStop(10_000);
            try (Stream<Path> s = Files.walk(storage)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
