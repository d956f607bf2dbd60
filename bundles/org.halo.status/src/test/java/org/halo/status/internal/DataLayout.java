package org.halo.status.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits keepalived.data into its "------< NAME >------" sections and removes what Halo does not write
 * (docs/daemon-runtime.md, "What the data file leaves out"): whole sections Halo has no counterpart for,
 * global definitions other than the four Halo knows, and per-line keys of keepalived internals.
 */
final class DataLayout {
    /**
     * Sections of keepalived's data file that Halo does not write: sockets and interfaces are the kernel
     * layer's, and the track_file / track_process definitions live in the plug-in host, which does not report them.
     */
    static final Set<String> ABSENT_SECTIONS = Set.of("VRRP Sockpool", "VRRP Track files", "VRRP Track processes", "Interfaces");
    /** The global definitions Halo writes; keepalived's others concern its own internals. */
    static final Set<String> GLOBAL_KEYS = Set.of("Network namespace", "Router ID", "VRRP IPv4 mcast group", "VRRP IPv6 mcast group");
    /** Keys of instance and script blocks that Halo has no value for. */
    static final Set<String> ABSENT_KEYS = Set.of("Read timeout", "fd_in", "Script uid:gid");

    private DataLayout() {
    }

    static Map<String, List<String>> sections(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String l : text.split("\n")) {
            if (l.startsWith("------< ") && l.endsWith(" >------")) {
                current = new ArrayList<>();
                out.put(l.substring(8, l.length() - 8), current);
            } else if (current != null) {
                current.add(l);
            }
        }
        return out;
    }

    /** The key of a line: text before " = ", " :" or ":"; the first word for "fd_in 13, fd_out 14". */
    static String key(String line) {
        String t = line.strip();
        for (String sep : new String[] {" = ", " :", ":"}) {
            int i = t.indexOf(sep);
            if (i > 0) {
                return t.substring(0, i);
            }
        }
        return t.startsWith("fd_in ") ? "fd_in" : t;
    }

    /** keepalived's sections reduced to what Halo writes; "(from configuration)" is a note Halo cannot give. */
    static Map<String, List<String>> comparable(String keepalivedText) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        sections(keepalivedText).forEach((name, lines) -> {
            if (ABSENT_SECTIONS.contains(name)) {
                return;
            }
            List<String> kept = new ArrayList<>();
            for (String l : lines) {
                String k = key(l);
                boolean indented = l.startsWith("     ");
                if (name.equals("Global definitions") ? GLOBAL_KEYS.contains(k) : indented || !ABSENT_KEYS.contains(k)) {
                    kept.add(l.replace(" (from configuration)", ""));
                }
            }
            out.put(name, kept);
        });
        return out;
    }
}
