package org.halo.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTest {

    @TempDir
    Path dir;

    @Test
    void includesComeFirstAndEachBundleOnce() throws IOException {
        Files.writeString(dir.resolve("base.json"), """
                { "feature-resource-version": "1.0", "id": "g:f:osgifeature:base:1",
                  "bundles": [ { "id": "org.a:a:1.0", "start-order": 1 }, { "id": "org.b:b:2.0" } ] }""");
        Files.writeString(dir.resolve("top.json"), """
                { "feature-resource-version": "1.0", "id": "g:f:osgifeature:top:1",
                  "bundles": [ { "id": "org.b:b:2.0", "start-order": 5 }, { "id": "org.c:c:jar:3.0", "start-order": 3 } ],
                  "extensions": { "halo.includes": { "type": "artifacts", "kind": "mandatory",
                    "artifacts": [ { "id": "g:f:osgifeature:base:1" } ] } } }""");
        List<Feature.Bundle> b = Feature.bundles(dir, "top");
        assertEquals(List.of("a-1.0.jar", "b-2.0.jar", "c-3.0.jar"), b.stream().map(Feature.Bundle::fileName).toList());
        assertEquals(List.of(1, Feature.DEFAULT_START_LEVEL, 3), b.stream().map(Feature.Bundle::startLevel).toList());
    }

    @Test
    void configurationsBecomeConfigAdminTypesAndLaterFeaturesWin() throws IOException {
        Files.writeString(dir.resolve("base.json"), """
                { "bundles": [], "configurations": {
                    "org.x": { "s": "a", "n": 5, "d": 1.5, "b": true, "list": ["p", "q"] },
                    "org.y~one": { "s": "base" } } }""");
        Files.writeString(dir.resolve("top.json"), """
                { "bundles": [], "configurations": { "org.y~one": { "s": "top" } },
                  "extensions": { "halo.includes": { "type": "artifacts", "kind": "mandatory",
                    "artifacts": [ { "id": "g:f:osgifeature:base:1" } ] } } }""");
        java.util.Map<String, java.util.Map<String, Object>> c = Feature.configurations(dir, "top");
        assertEquals(List.of("org.x", "org.y~one"), List.copyOf(c.keySet()));
        assertEquals("a", c.get("org.x").get("s"));
        assertEquals(5L, c.get("org.x").get("n"));
        assertEquals(1.5, c.get("org.x").get("d"));
        assertEquals(Boolean.TRUE, c.get("org.x").get("b"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"p", "q"}, (String[]) c.get("org.x").get("list"));
        assertEquals("top", c.get("org.y~one").get("s"));
    }

    @Test
    void includeCycleIsAnError() throws IOException {
        String inc = """
                { "bundles": [], "extensions": { "halo.includes": { "type": "artifacts", "kind": "mandatory",
                  "artifacts": [ { "id": "g:f:osgifeature:%s:1" } ] } } }""";
        Files.writeString(dir.resolve("x.json"), inc.formatted("y"));
        Files.writeString(dir.resolve("y.json"), inc.formatted("x"));
        assertThrows(IOException.class, () -> Feature.bundles(dir, "x"));
    }

    @Test
    void malformedJsonIsAnIoError() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{ \"bundles\": [ ");
        assertThrows(IOException.class, () -> Feature.bundles(dir, "bad"));
    }
}
