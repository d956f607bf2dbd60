package org.halo.config.grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.halo.config.lex.Token;

/**
 * A parsed keyword with its arguments and, for a block, its children. {@code spec} is null for items of list
 * blocks (e.g. an address in virtual_ipaddress). Mutable only while the parser builds the tree.
 */
public final class Node {
    private final String keyword;
    private final List<Token> args;
    private final String file;
    private final int line;
    private final KeywordSpec spec;
    private List<Node> children;
    private Node parent;
    private int endLine;
    private int order;

    public Node(String keyword, List<Token> args, String file, int line, KeywordSpec spec) {
        this.keyword = keyword;
        this.args = List.copyOf(args);
        this.file = file;
        this.line = line;
        this.spec = spec;
    }

    public String keyword() {
        return keyword;
    }

    public List<Token> args() {
        return args;
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i).text() : null;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public KeywordSpec spec() {
        return spec;
    }

    /** Line of the closing brace of a block (where keepalived runs its end handler), else the keyword's line. */
    public int endLine() {
        return endLine == 0 ? line : endLine;
    }

    void endLine(int l) {
        endLine = l;
    }

    /** The enclosing block (null for the root). */
    public Node parent() {
        return parent;
    }

    /** The first argument of the enclosing block, e.g. the instance name for a keyword inside vrrp_instance. */
    public String owner() {
        return parent == null ? null : parent.arg(0);
    }

    public boolean isBlock() {
        return children != null;
    }

    public List<Node> children() {
        return children == null ? List.of() : Collections.unmodifiableList(children);
    }

    void openBlock() {
        if (children == null) {
            children = new ArrayList<>();
        }
    }

    int order() {
        return order;
    }

    void order(int o) {
        order = o;
    }

    /** Adds a child parsed in another pass without changing its parent (merged views of the passes). */
    void adopt(Node child) {
        openBlock();
        children.add(child);
    }

    void add(Node child) {
        openBlock();
        child.parent = this;
        children.add(child);
    }

    /** The canonical name (alias resolved) used by the model builder. */
    public String name() {
        return spec == null ? keyword : spec.name();
    }

    public List<Node> all(String name) {
        List<Node> r = new ArrayList<>();
        for (Node c : children()) {
            if (name.equals(c.name())) {
                r.add(c);
            }
        }
        return r;
    }

    /** The last occurrence wins, as in keepalived where a repeated keyword overwrites the value. */
    public Node last(String name) {
        Node r = null;
        for (Node c : children()) {
            if (name.equals(c.name())) {
                r = c;
            }
        }
        return r;
    }

    @Override
    public String toString() {
        return keyword + " " + args + (children == null ? "" : " {" + children.size() + "}");
    }
}
