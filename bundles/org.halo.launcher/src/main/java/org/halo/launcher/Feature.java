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
 * and the artifacts extension {@code halo.includes}, whose entries name other features (by classifier)
 * whose bundles come first. A bundle's file is {@code bundle/ARTIFACTID-VERSION.jar}.
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

    /** All bundles of {@code name} and the features it includes, each once, includes first. */
    public static List<Bundle> bundles(Path featureDir, String name) throws IOException {
        Map<String, Bundle> byArtifact = new LinkedHashMap<>();
        collect(featureDir, name, byArtifact, new ArrayList<>());
        return List.copyOf(byArtifact.values());
    }

    private static void collect(Path dir, String name, Map<String, Bundle> out, List<String> path) throws IOException {
        if (path.contains(name)) {
            throw new IOException("feature include cycle: " + String.join(" -> ", path) + " -> " + name);
        }
        path.add(name);
        Path file = dir.resolve(name + ".json");
        JsonObject root;
        try (Reader r = Files.newBufferedReader(file); JsonReader jr = Json.createReader(r)) {
            root = jr.readObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a feature JSON file: " + e.getMessage(), e);
        }
        JsonObject ext = root.getJsonObject("extensions");
        if (ext != null && ext.containsKey("halo.includes")) {
            for (JsonValue v : ext.getJsonObject("halo.includes").getJsonArray("artifacts")) {
                String[] c = ((JsonObject) v).getString("id").split(":");
                if (c.length != 5) {
                    throw new IOException(file + ": include id must be group:artifact:osgifeature:classifier:version");
                }
                collect(dir, c[3], out, path);
            }
        }
        if (root.containsKey("bundles")) {
            for (JsonValue v : root.getJsonArray("bundles")) {
                JsonObject b = (JsonObject) v;
                String id = b.getString("id");
                String[] c = id.split(":");
                if (c.length < 3) {
                    throw new IOException(file + ": bundle id '" + id + "' is not group:artifact:version");
                }
                int level = b.containsKey("start-order") ? b.getInt("start-order") : DEFAULT_START_LEVEL;
                out.putIfAbsent(c[0] + ":" + c[1], new Bundle(id, c[1], c[c.length - 1], level));
            }
        }
        path.remove(path.size() - 1);
    }
}
