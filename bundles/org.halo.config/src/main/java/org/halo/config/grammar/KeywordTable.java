package org.halo.config.grammar;

import java.util.Map;

/** Renders the registry as the keyword compatibility table of docs/config-keywords.md. */
public final class KeywordTable {
    private KeywordTable() {
    }

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# keepalived.conf keywords in Halo\n\n");
        b.append("Generated from the parser's keyword registry by `KeywordDocTest` (regenerate with\n");
        b.append("`mvn -pl bundles/org.halo.config test -Dtest=KeywordDocTest -Dhalo.docs.regenerate=true`); do not edit by hand.\n\n");
        b.append("The registry is keepalived 2.2.7's own keyword tree (its `install_keyword` calls, limited to what the Debian\n");
        b.append("2.2.7 binary contains). Every keyword is parsed and validated with keepalived's messages.\n\n");
        b.append("* **implemented**: mapped into a typed field of the model (`org.halo.config.model`) that Halo acts on.\n");
        b.append("* **parsed**: accepted, validated, kept in the model's `options` and in ConfigAdmin, and reported as a note\n");
        b.append("  `Keyword 'X' is parsed but not implemented by Halo yet - ignored` with file:line. Never silently dropped.\n");
        b.append("* Kinds: `value` (words on the line), `block` (`{ keywords }`), `list` (`{ one item per line }`),\n");
        b.append("  `checker` (parsed generically into type + properties).\n\n");
        int[] counts = new int[2];
        for (KeywordSpec k : Registry.root().keywords()) {
            count(k, counts);
        }
        b.append(String.format("%d keywords: %d implemented, %d parsed only.%n%n", counts[0] + counts[1], counts[0], counts[1]));
        b.append("| block | keyword | kind | status | aliases | notes |\n|---|---|---|---|---|---|\n");
        for (KeywordSpec k : Registry.root().keywords()) {
            rows(b, "(top level)", k);
        }
        return b.toString();
    }

    private static void count(KeywordSpec k, int[] c) {
        c[k.implemented() ? 0 : 1]++;
        if (k.block() != null) {
            for (KeywordSpec s : k.block().keywords()) {
                count(s, c);
            }
        }
    }

    private static final Map<String, String> KIND = Map.of("VALUE", "value", "BLOCK", "block", "LIST", "list", "CHECKER", "checker");

    private static void rows(StringBuilder b, String block, KeywordSpec k) {
        String notes = k.deprecated() != null ? "deprecated: use `" + k.deprecated() + "`" : "";
        if ("virtual_server_group".equals(k.name())) {
            notes = "named list";
        }
        String extra = Implemented.NOTES.get(block + "/" + k.name());
        if (extra != null) {
            notes = notes.isEmpty() ? extra : notes + "; " + extra;
        }
        b.append("| ").append(block).append(" | `").append(k.name()).append("` | ").append(KIND.get(k.kind().name())).append(" | ")
            .append(k.implemented() ? "implemented" : "parsed").append(" | ")
            .append(k.aliases().isEmpty() ? "" : "`" + String.join("`, `", k.aliases()) + "`").append(" | ").append(notes).append(" |\n");
        if (k.block() != null) {
            String path = "(top level)".equals(block) ? k.name() : block + " > " + k.name();
            for (KeywordSpec s : k.block().keywords()) {
                rows(b, path, s);
            }
        }
    }
}
