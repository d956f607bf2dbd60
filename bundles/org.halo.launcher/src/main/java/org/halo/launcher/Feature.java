package org.halo.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named deployment read from an OSGi R8 Feature JSON file ({@code etc/features/NAME.json}, OSGi
 * Compendium 8, chapter 160). Halo reads only what it launches: the {@code bundles} array, each entry's
 * {@code id} (Maven coordinates) and the bundle metadata key {@code start-order} (its start level);
 * the artifacts extension {@code halo.includes}, whose entries name other features (by classifier)
 * whose bundles come first; and {@code configurations}, applied as defaults (see {@link Appliance}).
 * A bundle's file is {@code bundle/ARTIFACTID-VERSION.jar}.
 */
public final class Feature {

    /** One bundle of a feature, in install order. */
    public record Bundle(String id, String artifactId, String version, int startLevel) {
        public String fileName() {
            return artifactId + "-" + version + ".jar";
        }
    }

    static final int DEFAULT_START_LEVEL = 2;

    private Feature() {
    }

    /**
     * The {@code configurations} of {@code name} and its includes (a later feature's entry for a PID wins):
     * PID (or {@code factoryPid~name}) to properties. JSON strings, numbers (Long or Double), booleans and
     * arrays of those become the Java types ConfigAdmin accepts.
     */
    public static Map<String, Map<String, Object>> configurations(Path featureDir, String name) throws IOException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String f : featureOrder(featureDir, name)) {
            JsonObject root = read(featureDir.resolve(f + ".json"));
            JsonObject cfgs = root.getJsonObject("configurations");
            if (cfgs == null) {
                continue;
            }
            for (Map.Entry<String, JsonValue> e : cfgs.entrySet()) {
                Map<String, Object> props = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> p : ((JsonObject) e.getValue()).entrySet()) {
                    props.put(p.getKey(), javaValue(p.getValue()));
                }
                out.put(e.getKey(), props);
            }
        }
        return out;
    }

    private static Object javaValue(JsonValue v) throws IOException {
        switch (v.getValueType()) {
            case STRING:
                return ((jakarta.json.JsonString) v).getString();
            case NUMBER:
                jakarta.json.JsonNumber n = (jakarta.json.JsonNumber) v;
                return n.isIntegral() ? (Object) n.longValueExact() : (Object) n.doubleValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case ARRAY:
                List<Object> items = new ArrayList<>();
                for (JsonValue item : v.asJsonArray()) {
                    items.add(javaValue(item));
                }
                if (items.stream().allMatch(String.class::isInstance)) {
                    return items.toArray(new String[0]);
                }
                if (items.stream().allMatch(Long.class::isInstance)) {
                    return items.toArray(new Long[0]);
                }
                throw new IOException("configuration arrays must hold only strings or only integers: " + v);
            default:
                throw new IOException("unsupported configuration value " + v);
        }
    }

    /** Feature names in load order: includes (depth first) before the including feature. */
    private static List<String> featureOrder(Path dir, String name) throws IOException {
        List<String> order = new ArrayList<>();
        walk(dir, name, order, new ArrayList<>());
        return order;
    }

    private static void walk(Path dir, String name, List<String> order, List<String> path) throws IOException {
        if (path.contains(name)) {
            throw new IOException("feature include cycle: " + String.join(" -> ", path) + " -> " + name);
        }
        if (order.contains(name)) {
            return;
        }
        path.add(name);
        Path file = dir.resolve(name + ".json");
        JsonObject ext = read(file).getJsonObject("extensions");
        if (ext != null && ext.containsKey("halo.includes")) {
            for (JsonValue v : ext.getJsonObject("halo.includes").getJsonArray("artifacts")) {
                String[] c = ((JsonObject) v).getString("id").split(":");
                if (c.length != 5) {
                    throw new IOException(file + ": include id must be group:artifact:osgifeature:classifier:version");
                }
                walk(dir, c[3], order, path);
            }
        }
        path.remove(path.size() - 1);
        order.add(name);
    }

    private static JsonObject read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file); JsonReader jr = Json.createReader(r)) {
            return jr.readObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a feature JSON file: " + e.getMessage(), e);
        }
    }

    /** All bundles of {@code name} and the features it includes, each once, includes first. */
    public static List<Bundle> bundles(Path featureDir, String name) throws IOException {
        Map<String, Bundle> byArtifact = new LinkedHashMap<>();
        for (String f : featureOrder(featureDir, name)) {
            Path file = featureDir.resolve(f + ".json");
            JsonObject root = read(file);
            if (!root.containsKey("bundles")) {
                continue;
            }
            for (JsonValue v : root.getJsonArray("bundles")) {
                JsonObject b = (JsonObject) v;
                String id = b.getString("id");
                String[] c = id.split(":");
                if (c.length < 3) {
                    throw new IOException(file + ": bundle id '" + id + "' is not group:artifact:version");
                }
                int level = b.containsKey("start-order") ? b.getInt("start-order") : DEFAULT_START_LEVEL;
                byArtifact.putIfAbsent(c[0] + ":" + c[1], new Bundle(id, c[1], c[c.length - 1], level));
            }
        }
        return List.copyOf(byArtifact.values());
    }
}
