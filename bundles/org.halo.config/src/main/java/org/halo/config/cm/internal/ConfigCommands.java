package org.halo.config.cm.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.TreeMap;

import org.halo.config.cm.Pids;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands (scope {@code halo}) that read and edit ConfigAdmin configurations, the runtime truth:
 * {@code configs}, {@code get}, {@code set}, {@code unset}. A configuration is named by its PID or by the
 * bridge's {@code halo.key} (e.g. {@code vrrp_instance:VI_1}). An edit acts live, like any ConfigAdmin
 * client's; the next reload of keepalived.conf puts a block that changed in the file back to the file's values.
 */
@Component(service = ConfigCommands.class, property = {"osgi.command.scope=halo", "osgi.command.function=configs",
    "osgi.command.function=get", "osgi.command.function=set", "osgi.command.function=unset"})
public final class ConfigCommands {
    private final ConfigurationAdmin cm;

    @Activate
    public ConfigCommands(@Reference ConfigurationAdmin cm) {
        this.cm = cm;
    }

    /** One line per configuration: PID, factory PID, halo.key and where it came from. */
    public String configs() throws IOException, InvalidSyntaxException {
        return configs(null);
    }

    /** As {@link #configs()}, only those matching an LDAP filter, e.g. {@code (name=VI_1)}. */
    public String configs(String filter) throws IOException, InvalidSyntaxException {
        Configuration[] all = cm.listConfigurations(filter);
        List<String> lines = new ArrayList<>();
        for (Configuration c : all == null ? new Configuration[0] : all) {
            Dictionary<String, Object> p = c.getProperties();
            lines.add(String.format("%-60s %-32s %-32s %s", c.getPid(), nonNull(c.getFactoryPid()), nonNull(p.get(Pids.KEY)),
                    nonNull(p.get(Pids.SOURCE))));
        }
        Collections.sort(lines);
        return String.join("\n", lines);
    }

    /** All properties of one configuration, sorted by name. */
    public String get(String name) throws IOException, InvalidSyntaxException {
        Configuration c = find(name);
        StringBuilder sb = new StringBuilder();
        Dictionary<String, Object> p = c.getProperties();
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (var keys = p.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            sorted.put(k, p.get(k));
        }
        sorted.forEach((k, v) -> sb.append(k).append(" = ").append(render(v)).append('\n'));
        return sb.toString().stripTrailing();
    }

    /** Sets one property (as a string, as keepalived.conf values are) and updates the configuration live. */
    public String set(String name, String property, String value) throws IOException, InvalidSyntaxException {
        Configuration c = find(name);
        Dictionary<String, Object> p = copy(c.getProperties());
        Object old = p.get(property);
        p.put(property, value);
        c.update(p);
        return c.getPid() + ": " + property + " " + (old == null ? "(unset)" : render(old)) + " -> " + value;
    }

    /** Removes one property and updates the configuration live. */
    public String unset(String name, String property) throws IOException, InvalidSyntaxException {
        Configuration c = find(name);
        Dictionary<String, Object> p = copy(c.getProperties());
        if (p.remove(property) == null) {
            throw new IllegalArgumentException(c.getPid() + " has no property " + property);
        }
        c.update(p);
        return c.getPid() + ": " + property + " removed";
    }

    private Configuration find(String name) throws IOException, InvalidSyntaxException {
        String quoted = name.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
        Configuration[] found = cm.listConfigurations("(|(service.pid=" + quoted + ")(" + Pids.KEY + "=" + quoted + "))");
        if (found == null || found.length == 0) {
            throw new IllegalArgumentException("no configuration " + name + " (see halo:configs)");
        }
        if (found.length > 1) {
            throw new IllegalArgumentException(name + " names " + found.length + " configurations; use a PID");
        }
        return found[0];
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> p) {
        Hashtable<String, Object> h = new Hashtable<>();
        for (var keys = p.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            h.put(k, p.get(k));
        }
        return h;
    }

    private static String render(Object v) {
        if (v instanceof String[] a) {
            return "[" + String.join(", ", a) + "]";
        }
        return String.valueOf(v);
    }

    private static String nonNull(Object o) {
        return o == null ? "-" : o.toString();
    }
}
