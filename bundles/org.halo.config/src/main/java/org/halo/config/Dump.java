package org.halo.config;

import org.halo.config.grammar.Node;
import org.halo.config.lex.Token;

/** Prints the effective configuration tree in keepalived.conf syntax. */
final class Dump {
    private Dump() {
    }

    static String tree(Node root) {
        StringBuilder b = new StringBuilder();
        for (Node c : root.children()) {
            write(c, b, 0);
        }
        return b.toString();
    }

    private static void write(Node n, StringBuilder b, int depth) {
        b.append("  ".repeat(depth)).append(n.keyword());
        for (Token t : n.args()) {
            b.append(' ').append(quote(t.text()));
        }
        if (n.isBlock()) {
            b.append(" {\n");
            for (Node c : n.children()) {
                write(c, b, depth + 1);
            }
            b.append("  ".repeat(depth)).append("}\n");
        } else {
            b.append('\n');
        }
    }

    private static String quote(String s) {
        if (s.isEmpty() || s.chars().anyMatch(c -> Character.isWhitespace(c) || c == '#' || c == '!' || c == '{' || c == '}' || c == '"')) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return s;
    }
}
