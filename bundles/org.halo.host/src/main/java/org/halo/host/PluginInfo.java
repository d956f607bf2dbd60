package org.halo.host;

import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Identity of a live plug-in service for logs and the shell.
 *
 * @param kind    checker, notifier or forwarder
 * @param name    type(s) served or display name
 * @param bundle  symbolic name of the providing bundle
 * @param version version of the providing bundle
 * @param serviceId service.id
 * @param stats   live counters
 */
record PluginInfo(String kind, String name, String bundle, String version, long serviceId, PluginStats stats) {

    static PluginInfo of(String kind, String name, ServiceReference<?> ref, PluginStats stats) {
        if (ref == null) {
            return new PluginInfo(kind, name, "?", "?", -1, stats);
        }
        Bundle b = ref.getBundle();
        Object id = ref.getProperty(Constants.SERVICE_ID);
        return new PluginInfo(kind, name, b == null ? "?" : b.getSymbolicName(),
                b == null ? "?" : b.getVersion().toString(), id instanceof Long l ? l : -1, stats);
    }

    /** Builds the info once the display name and counters are known. */
    @FunctionalInterface
    interface Factory {
        PluginInfo create(String kind, String name, PluginStats stats);
    }

    /** A factory reading bundle and version from {@code ref} (may be {@code null} in unit tests). */
    static Factory factory(ServiceReference<?> ref) {
        return (kind, name, stats) -> of(kind, name, ref, stats);
    }

    static PluginInfo ofProperties(String kind, String name, Map<String, ?> props, PluginStats stats) {
        Object id = props.get(Constants.SERVICE_ID);
        Object bundleId = props.get("service.bundleid");
        return new PluginInfo(kind, name, bundleId == null ? "?" : "bundle " + bundleId, "?",
                id instanceof Long l ? l : -1, stats);
    }
}
