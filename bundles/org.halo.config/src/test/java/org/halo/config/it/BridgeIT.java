package org.halo.config.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The bridge in an embedded Felix with SCR and ConfigAdmin: keepalived.conf is published, a priority edited through
 * ConfigAdmin reaches a running consumer (a ManagedServiceFactory standing in for the VRRP instance component)
 * without any restart, a reload applies only the file's changes, never touches a configuration created elsewhere,
 * and a file with errors keeps the running configuration.
 */
class BridgeIT {
    private static final String CONF = "vrrp_instance VI_1 {\n  interface lo\n  virtual_router_id 51\n  priority 100\n"
        + "  virtual_ipaddress {\n    10.9.9.1\n  }\n}\n"
        + "vrrp_instance VI_2 {\n  interface lo\n  virtual_router_id 52\n  priority 90\n  virtual_ipaddress {\n    10.9.9.2\n  }\n}\n";

    @Test
    void publishesEditsAndReloads() throws Exception {
        Path storage = Files.createTempDirectory("halo-config-it");
        Path conf = storage.resolve("keepalived.conf");
        Files.writeString(conf, CONF);
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.resolve("fw").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // the test registers a ManagedServiceFactory: share the cm API package with the framework
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=\"1.6.1\"");
        config.put("halo.config.file", conf.toString());
        config.put("halo.config.id", "it");
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
                b.start();
            }
            assertEquals(Bundle.ACTIVE, self.getState());
            ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cmt = new ServiceTracker<>(ctx, ConfigurationAdmin.class, null);
            cmt.open();
            ConfigurationAdmin cm = cmt.waitForService(10_000);
            assertNotNull(cm, "ConfigurationAdmin");

            Configuration vi1 = await(cm, "vrrp_instance:VI_1");
            assertEquals("100", vi1.getProperties().get("priority"));
            assertNotNull(await(cm, "vrrp_instance:VI_2"));

            // a running consumer of org.halo.vrrp.instance sees a ConfigAdmin edit without restart
            BlockingQueue<Dictionary<String, ?>> seen = new ArrayBlockingQueue<>(16);
            ManagedServiceFactory consumer = new ManagedServiceFactory() {
                @Override
                public String getName() {
                    return "test consumer";
                }

                @Override
                public void updated(String pid, Dictionary<String, ?> properties) {
                    if ("VI_1".equals(properties.get("name"))) {
                        seen.add(properties);
                    }
                }

                @Override
                public void deleted(String pid) {
                }
            };
            Hashtable<String, Object> msfProps = new Hashtable<>();
            msfProps.put(Constants.SERVICE_PID, "org.halo.vrrp.instance");
            ctx.registerService(ManagedServiceFactory.class, consumer, msfProps);
            assertEquals("100", seen.poll(10, TimeUnit.SECONDS).get("priority"));
            Dictionary<String, Object> edit = vi1.getProperties();
            edit.put("priority", "110");
            vi1.update(edit);
            assertEquals("110", seen.poll(10, TimeUnit.SECONDS).get("priority"), "edit reaches the running consumer");

            // a configuration created elsewhere
            Configuration foreign = cm.getFactoryConfiguration("org.halo.vrrp.instance", "manual", "?");
            Hashtable<String, Object> fp = new Hashtable<>();
            fp.put("name", "VI_9");
            fp.put("priority", "50");
            foreign.update(fp);

            // reload: VI_1 changes in the file, VI_2 is removed
            Files.writeString(conf, CONF.replace("priority 100", "priority 130").substring(0, CONF.indexOf("vrrp_instance VI_2")));
            assertTrue(reload(ctx).contains("1 updated, 1 deleted"), "reload summary");
            assertEquals("130", find(cm, "vrrp_instance:VI_1").getProperties().get("priority"));
            assertNull(find(cm, "vrrp_instance:VI_2"));
            assertEquals("50", cm.getConfiguration(foreign.getPid(), "?").getProperties().get("priority"), "foreign kept");

            // SIGHUP: the launcher runs every Runnable registered with halo.signal=HUP
            Files.writeString(conf, CONF.replace("priority 100", "priority 140").substring(0, CONF.indexOf("vrrp_instance VI_2")));
            ServiceReference<?>[] hup = ctx.getAllServiceReferences(Runnable.class.getName(), "(halo.signal=HUP)");
            assertEquals(1, hup == null ? 0 : hup.length, "one SIGHUP handler");
            ((Runnable) ctx.getService(hup[0])).run();
            assertEquals("140", find(cm, "vrrp_instance:VI_1").getProperties().get("priority"), "SIGHUP reloaded the file");

            // a file with errors keeps the running configuration
            Files.writeString(conf, CONF.replace("priority 100", "priority 300"));
            assertTrue(reload(ctx).contains("keeping the running configuration"));
            assertEquals("140", find(cm, "vrrp_instance:VI_1").getProperties().get("priority"));
            assertNull(find(cm, "vrrp_instance:VI_2"));
            cmt.close();
        } finally {
            fw.stop();
            fw.waitForStop(10_000);
            try (Stream<Path> s = Files.walk(storage)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Calls ConfigBridge.reload() (the bundle's own class space, so reflectively). */
    private static String reload(BundleContext ctx) throws Exception {
        ServiceReference<?> ref = ctx.getAllServiceReferences("org.halo.config.cm.ConfigBridge", null)[0];
        Object bridge = ctx.getService(ref);
        try {
            return (String) bridge.getClass().getMethod("reload").invoke(bridge);
        } finally {
            ctx.ungetService(ref);
        }
    }

    private static Configuration find(ConfigurationAdmin cm, String key) throws Exception {
        Configuration[] cs = cm.listConfigurations("(halo.key=" + key + ")");
        return cs == null ? null : cs[0];
    }

    private static Configuration await(ConfigurationAdmin cm, String key) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Configuration c = find(cm, key);
            if (c != null) {
                return c;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(key + " not published");
    }
}
