package org.halo.config.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.halo.config.diag.Severity;
import org.halo.config.lex.Line;
import org.halo.config.lex.Token;

/**
 * Builds the keyword tree from preprocessed lines, driven by the {@link Registry}, reproducing keepalived
 * 2.2.7's lib/parser.c: read_line splits a line at every unquoted brace (so whole blocks may sit on one line),
 * process_stream looks the first word up in the current block, an unknown keyword is reported and its
 * block is NOT skipped (its lines are read in the current block and its '}' closes the current block, as in
 * keepalived), value blocks (virtual_ipaddress, ...) consume their lines like alloc_value_block. Iterative
 * with an explicit stack, so that hostile nesting cannot overflow the Java stack.
 */
public final class TreeParser {
    private final ParseContext ctx;
    private final Set<String> extraCheckers;

    public TreeParser(ParseContext ctx) {
        this(ctx, Set.of());
    }

    /** @param extraCheckers checker type names contributed by plug-ins (parsed generically inside real_server) */
    public TreeParser(ParseContext ctx, Set<String> extraCheckers) {
        this.ctx = ctx;
        this.extraCheckers = extraCheckers;
    }

    private static final class Frame {
        final BlockSpec spec;
        final Node node;
        boolean needBob;

        Frame(BlockSpec spec, Node node, boolean needBob) {
            this.spec = spec;
            this.node = node;
            this.needBob = needBob;
        }
    }

    /** One read_line() result: the words between braces, or a lone brace. */
    record Unit(String file, int line, List<Token> words) {
        boolean is(String brace) {
            return words.size() == 1 && !words.get(0).quoted() && words.get(0).text().equals(brace);
        }
    }

    public Node parse(List<Line> lines, BlockSpec root) {
        return parse(lines, root, k -> true);
    }

    /**
     * Parses with only the root keywords accepted by {@code active} processed; the blocks of the others are
     * skipped like keepalived's inactive keywords (skip_sublevel).
     */
    public Node parse(List<Line> lines, BlockSpec root, java.util.function.Predicate<String> active) {
        return parse(prepare(lines, ctx), root, active);
    }

    /** read_line's output for a whole file: computed once, shared by keepalived's three reader passes. */
    public static final class Prepared {
        final List<Unit> units;
        final int depth;

        Prepared(List<Unit> units, int depth) {
            this.units = units;
            this.depth = depth;
        }
    }

    /** Splits lines at braces and counts them ("Extra '}' found" and the final missing-'}' count are reported here). */
    public static Prepared prepare(List<Line> lines, ParseContext ctx) {
        TreeParser t = new TreeParser(ctx);
        List<Unit> u = t.units(lines);
        if (t.depth > 0) {
            // reported after the files are closed, so keepalived prints no location
            ctx.diagnostics().add(null, 0, Severity.MISSING_EOB, "There are " + t.depth + " missing '}'s or extra '{'s");
        }
        return new Prepared(u, t.depth);
    }

    public Node parse(Prepared prepared, BlockSpec root, java.util.function.Predicate<String> active) {
        Node top = new Node("<root>", List.of(), null, 0, null);
        top.openBlock();
        List<Unit> units = prepared.units;
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(root, top, false));
        int i = 0;
        int skip = 0;
        while (i < units.size()) {
            Unit u = units.get(i++);
            if (skip == -1) {
                // an inactive keyword without '{' on its line: skip its block if one follows
                skip = u.is("{") ? 1 : 0;
                if (skip == 1) {
                    continue;
                }
            }
            if (skip > 0) {
                if (u.is("{")) {
                    skip++;
                } else if (u.is("}")) {
                    skip--;
                }
                continue;
            }
            Frame f = stack.get(stack.size() - 1);
            int level = stack.size() - 1;
            String str = u.words.get(0).text();
            if (f.needBob) {
                f.needBob = false;
                if (u.is("{") && level > 0) {
                    continue;
                }
                report(u, Severity.MISSING_BOB, "Missing '{' at beginning of configuration block");
            } else if (u.is("{")) {
                report(u, Severity.UNEXPECTED_BOB, "Unexpected '{' - ignoring");
                continue;
            }
            if (u.is("}") && level > 0) {
                stack.remove(stack.size() - 1).node.endLine(u.line);
                continue;
            }
            KeywordSpec k = f.spec.find(str);
            if (k == null && "real_server".equals(f.spec.name()) && extraCheckers.contains(str)) {
                k = new KeywordSpec(str, List.of(), Kind.CHECKER, Check.NONE, new BlockSpec(str, true), null, true, null, false,
                    "plug-in checker");
            }
            if (k == null && f.spec.generic() && !u.is("}")) {
                // plug-in checker content: any keyword is a property, any keyword followed by '{' a nested block
                boolean block = i < units.size() && units.get(i).is("{");
                k = new KeywordSpec(str, List.of(), block ? Kind.CHECKER : Kind.VALUE, Check.NONE, block ? new BlockSpec(str, true) : null,
                    null, true, null, false, "");
            }
            if (k == null) {
                report(u, Severity.UNKNOWN_KEYWORD, "Unknown keyword '" + str + "'");
                continue;
            }
            if (level == 0 && !active.test(k.name())) {
                skip = -1;
                continue;
            }
            List<Token> args = u.words.subList(1, u.words.size());
            Node n = new Node(str, args, u.file, u.line, k);
            n.order(i);
            f.node.add(n);
            if (!k.implemented()) {
                report(u, Severity.NOTE, "Keyword '" + str + "' is parsed but not implemented by Halo yet - ignored");
            }
            try {
                k.check().check(n, ctx);
            } catch (MissingParameter e) {
                ctx.diagnostics().abort();
                return top;
            }
            switch (k.kind()) {
                case BLOCK:
                case CHECKER:
                    n.openBlock();
                    if (k.block() != null && !k.block().keywords().isEmpty() || k.kind() == Kind.CHECKER) {
                        stack.add(new Frame(k.block(), n, true));
                    }
                    break;
                case LIST:
                    i = valueBlock(units, i, n, k);
                    break;
                default:
                    break;
            }
        }
        return top;
    }

    /** A root holding, in order, each root child of {@code passes[i]} accepted by {@code take[i]}. */
    public static Node merge(List<Node> passes, List<java.util.function.Predicate<String>> take) {
        Node top = new Node("<root>", List.of(), null, 0, null);
        top.openBlock();
        List<Node> all = new ArrayList<>();
        for (int p = 0; p < passes.size(); p++) {
            for (Node c : passes.get(p).children()) {
                if (take.get(p).test(c.name())) {
                    all.add(c);
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt(Node::order));
        for (Node c : all) {
            top.adopt(c);
        }
        return top;
    }

    /** keepalived's alloc_value_block: the lines up to the matching '}' are items of the keyword. */
    private int valueBlock(List<Unit> units, int i, Node n, KeywordSpec k) {
        n.openBlock();
        if (!n.args().isEmpty() && !"named".equals(k.doc())) {
            ctx.diagnostics().add(n.file(), n.line(), Severity.GENERAL_ERROR,
                "Block " + n.keyword() + " has extra parameters " + n.arg(0) + " ...");
        }
        boolean needBob = true;
        while (i < units.size()) {
            Unit u = units.get(i++);
            if (needBob) {
                needBob = false;
                if (u.is("{")) {
                    continue;
                }
                // keepalived only logs "'{' missing from beginning of block" here (log_message, not a config error)
            }
            if (u.is("}")) {
                n.endLine(u.line);
                break;
            }
            Node item = new Node(u.words.get(0).text(), u.words.subList(1, u.words.size()), u.file, u.line, null);
            n.add(item);
            if (k.itemCheck() != null) {
                k.itemCheck().check(item, ctx);
            }
        }
        return i;
    }

    private void report(Unit u, Severity s, String message) {
        ctx.diagnostics().add(u.file, u.line, s, message);
    }

    private int depth;

    /** read_line's splitting plus its block_depth accounting ("Extra '}' found"). */
    private List<Unit> units(List<Line> lines) {
        List<Unit> out = new ArrayList<>(lines.size() + lines.size() / 2);
        depth = 0;
        for (Line l : lines) {
            List<Token> cur = new ArrayList<>();
            for (Token t : l.tokens()) {
                if (t.isOpen() || t.isClose()) {
                    if (!cur.isEmpty()) {
                        out.add(new Unit(l.file(), l.number(), cur));
                        cur = new ArrayList<>();
                    }
                    if (t.isOpen()) {
                        depth++;
                    } else if (depth-- < 1) {
                        ctx.diagnostics().add(l.file(), l.number(), Severity.UNEXPECTED_EOB, "Extra '}' found");
                        depth = 0;
                    }
                    out.add(new Unit(l.file(), l.number(), List.of(t)));
                } else {
                    cur.add(t);
                }
            }
            if (!cur.isEmpty()) {
                out.add(new Unit(l.file(), l.number(), cur));
            }
        }
        return out;
    }
}
