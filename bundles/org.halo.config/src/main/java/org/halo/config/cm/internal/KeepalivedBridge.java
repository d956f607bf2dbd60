package org.halo.config.cm.internal;

import org.halo.config.cm.ConfigBridge;
import org.halo.config.cm.Pids;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.halo.config.ConfigLoader;
import org.halo.config.LoadResult;
import org.halo.config.diag.Diagnostic;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes keepalived.conf (framework property {@code halo.config.file}, config-id {@code halo.config.id}) into
 * ConfigAdmin and reloads it on demand ({@link #reload()}, the Gogo command {@code halo:reload}; the launcher maps
 * SIGHUP to the same service). All work runs on one bridge thread; framework callbacks only post to it.
 */
@Component(immediate = true, service = ConfigBridge.class,
    property = {"osgi.command.scope=halo", "osgi.command.function=reload"})
public final class KeepalivedBridge implements ConfigBridge {
    public static final String FILE_PROPERTY = "halo.config.file";
    public static final String ID_PROPERTY = "halo.config.id";
    private static final Logger LOG = System.getLogger(KeepalivedBridge.class.getName());

    private final ConfigurationAdmin cm;
    private final Path file;
    private final String configId;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "halo-config-bridge");
        t.setDaemon(true);
        return t;
    });
    /** Set once a configuration was applied; before that a runnable file with errors is still applied. */
    private volatile boolean applied;

    @Activate
    public KeepalivedBridge(@Reference ConfigurationAdmin cm, BundleContext ctx) {
        this.cm = cm;
        String f = ctx.getProperty(FILE_PROPERTY);
        this.file = f == null || f.isBlank() ? null : Path.of(f);
        this.configId = ctx.getProperty(ID_PROPERTY);
        if (file == null) {
            LOG.log(Level.INFO, "halo.config.file not set: no keepalived.conf is published");
        } else {
            loop.execute(this::doReload);
        }
    }

    @Deactivate
    void deactivate() {
        loop.shutdownNow();
    }

    @Override
    public String reload() {
        if (file == null) {
            return "halo.config.file is not set";
        }
        Future<String> f = loop.submit(this::doReload);
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "reload still running after 60 s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "reload failed: " + e;
        }
    }

    private String doReload() {
        LoadResult r = ConfigLoader.load(file, configId);
        for (Diagnostic d : r.diagnostics().all()) {
            LOG.log(d.severity().compareTo(org.halo.config.diag.Severity.INFO) <= 0 ? Level.INFO : Level.WARNING, d.format());
        }
        int code = r.diagnostics().exitCode();
        // 6 is keepalived's script-security verdict, not a configuration error: keepalived runs (and reloads) such
        // a file, and so did this daemon at start; 4 (fatal) and 5 (errors) keep a running configuration
        if (r.model() == null || code == 4 || applied && code == 5) {
            String why = file + " has errors (keepalived -t would exit " + code + "): keeping the running configuration";
            LOG.log(Level.WARNING, why);
            return why;
        }
        try {
            Plan plan = Reconciler.plan(Publisher.desired(r.tree()), owned());
            apply(plan);
            applied = true;
            LOG.log(Level.INFO, "keepalived.conf " + file + ": " + plan);
            return plan.toString();
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.log(Level.ERROR, "publishing " + file + " failed", e);
            return "publishing failed: " + e;
        }
    }

    private List<Reconciler.Existing> owned() throws IOException, InvalidSyntaxException {
        Configuration[] cs = cm.listConfigurations("(" + Pids.SOURCE + "=" + Pids.SOURCE_VALUE + ")");
        List<Reconciler.Existing> out = new ArrayList<>();
        if (cs != null) {
            for (Configuration c : cs) {
                Dictionary<String, Object> d = c.getProperties();
                if (d != null) {
                    out.add(new Reconciler.Existing(c.getPid(), c.getFactoryPid(), toMap(d)));
                }
            }
        }
        return out;
    }

    private void apply(Plan plan) throws IOException {
        for (String pid : plan.delete()) {
            cm.getConfiguration(pid, "?").delete();
        }
        for (Desired d : plan.create()) {
            Configuration c = d.factory() ? cm.getFactoryConfiguration(d.pid(), alias(d.key()), "?")
                : cm.getConfiguration(d.pid(), "?");
            c.updateIfDifferent(new Hashtable<>(d.properties()));
        }
        for (Plan.Update u : plan.update()) {
            cm.getConfiguration(u.pid(), "?").updateIfDifferent(new Hashtable<>(u.desired().properties()));
        }
    }

    /** A readable, stable factory-configuration name derived from the block identity. */
    static String alias(String key) {
        return key.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        for (Enumeration<String> e = d.keys(); e.hasMoreElements();) {
            String k = e.nextElement();
            m.put(k, d.get(k));
        }
        return m;
    }
}
