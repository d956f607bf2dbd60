package org.halo.config.grammar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the registry: the keyword tree of keepalived 2.2.7 (resource {@code keywords.txt}, generated from its
 * install_keyword calls) overlaid with the validation, aliases, deprecations and implementation status that
 * {@link Checks} declares.
 */
final class Keywords {
    private Keywords() {
    }

    static BlockSpec root() {
        BlockSpec root = new BlockSpec("<root>");
        List<BlockSpec> stack = new ArrayList<>();
        List<String> names = new ArrayList<>();
        stack.add(root);
        try (InputStream in = Keywords.class.getResourceAsStream("keywords.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            String group = "global";
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@")) {
                    group = line.substring(1).strip();
                    continue;
                }
                if (!line.startsWith(" ")) {
                    GROUPS.put(line.strip().split(" ")[0], group);
                }
                int indent = 0;
                while (line.charAt(indent) == ' ') {
                    indent++;
                }
                int level = indent / 2;
                String[] p = line.strip().split(" ");
                while (stack.size() > level + 1) {
                    stack.remove(stack.size() - 1);
                    names.remove(names.size() - 1);
                }
                BlockSpec parent = stack.get(stack.size() - 1);
                String name = p[0];
                switch (p[1]) {
                    case "B": {
                        boolean checker = CHECKERS.contains(name) && "real_server".equals(parent.name());
                        BlockSpec sub = new BlockSpec(name);
                        parent.add(new KeywordSpec(name, List.of(), checker ? Kind.CHECKER : Kind.BLOCK, Check.NONE, sub, null,
                            true, null, false, ""));
                        stack.add(sub);
                        names.add(name);
                        break;
                    }
                    case "L":
                        parent.add(new KeywordSpec(name, List.of(), Kind.LIST, Check.NONE, null, null, true, null, false, ""));
                        break;
                    default:
                        parent.add(new KeywordSpec(name, List.of(), Kind.VALUE, Check.NONE, null, null, true, null, false, ""));
                        break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // virtual_server_group NAME { ... } is a value block that carries a name (check_parser.c vsg_handler).
        root.update("virtual_server_group", k -> new KeywordSpec(k.name(), k.aliases(), Kind.LIST, k.check(), null, null, true,
            null, false, "named"));
        Checks.apply(root);
        return root;
    }

    /** Root keyword -> keepalived init function group: global, vrrp, check, track. */
    static final java.util.Map<String, String> GROUPS = new java.util.HashMap<>();

    /** Checker block types of keepalived 2.2.7 (check_api.c install_checkers_keyword). */
    static final Set<String> CHECKERS = Set.of("MISC_CHECK", "SMTP_CHECK", "TCP_CHECK", "PING_CHECK", "UDP_CHECK", "HTTP_GET",
        "SSL_GET", "DNS_CHECK", "FILE_CHECK", "BFD_CHECK");
}
