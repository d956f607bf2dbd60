package org.halo.config.cm.internal;

import org.halo.config.cm.Pids;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reload diff, free of any framework: desired configurations against the owned ones that exist. Only
 * configurations carrying {@code halo.source=keepalived.conf} are ever passed in as {@code existing}, so anything
 * created elsewhere is out of reach by construction.
 */
public final class Reconciler {
    private Reconciler() {
    }

    /** An owned configuration as found in ConfigAdmin. */
    public record Existing(String pid, String factoryPid, Map<String, Object> properties) {
        public String key() {
            Object k = properties.get(Pids.KEY);
            return k == null ? null : k.toString();
        }
    }

    public static Plan plan(List<Desired> desired, List<Existing> existing) {
        Map<String, Existing> byKey = new HashMap<>();
        List<String> delete = new ArrayList<>();
        for (Existing e : existing) {
            if (!Pids.SOURCE_VALUE.equals(String.valueOf(e.properties().get(Pids.SOURCE)))) {
                continue; // not ours: never touched
            }
            String k = e.key();
            if (k == null || byKey.putIfAbsent(k, e) != null) {
                delete.add(e.pid()); // owned but without identity, or a duplicate: stale
            }
        }
        List<Desired> create = new ArrayList<>();
        List<Plan.Update> update = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        int unchanged = 0;
        for (Desired d : desired) {
            wanted.add(d.key());
            Existing e = byKey.get(d.key());
            if (e == null) {
                create.add(d);
            } else if (!same(d.properties(), e.properties())) {
                update.add(new Plan.Update(e.pid(), d));
            } else {
                unchanged++;
            }
        }
        for (Map.Entry<String, Existing> e : byKey.entrySet()) {
            if (!wanted.contains(e.getKey())) {
                delete.add(e.getValue().pid());
            }
        }
        return new Plan(create, update, delete, unchanged);
    }

    /**
     * Equal ignoring framework-added properties (service.*, felix.*) and the informational location (halo.file,
     * halo.line): editing one block shifts the lines of the next ones, which must not count as their change.
     */
    static boolean same(Map<String, Object> want, Map<String, Object> have) {
        Map<String, Object> h = relevant(have);
        Map<String, Object> w = relevant(want);
        if (h.size() != w.size()) {
            return false;
        }
        for (Map.Entry<String, Object> e : w.entrySet()) {
            if (!valueEquals(e.getValue(), h.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> relevant(Map<String, Object> m) {
        Map<String, Object> r = new HashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("service.") && !k.startsWith("felix.") && !k.equals("halo.file") && !k.equals("halo.line")) {
                r.put(k, e.getValue());
            }
        }
        return r;
    }

    private static boolean valueEquals(Object a, Object b) {
        if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!Objects.equals(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
