package org.halo.config.grammar;

import java.util.ArrayList;
import java.util.List;

import org.halo.config.diag.Severity;
import org.halo.config.lex.Line;
import org.halo.config.lex.Token;

/**
 * Builds the keyword tree from preprocessed lines, driven by the {@link Registry}. Follows keepalived's
 * lib/parser.c: a line is split at unquoted braces (so whole blocks may sit on one line), the first word of
 * each piece is the keyword, the rest of the piece are its arguments (extra arguments are ignored as in
 * keepalived), an unknown keyword is reported and its block skipped. Iterative with an explicit stack so
 * that deep nesting cannot overflow the Java stack.
 */
public final class TreeParser {
    /** Deeper blocks are reported and skipped; keepalived's own grammar is at most 5 levels deep. */
    public static final int MAX_DEPTH = 32;

    private final ParseContext ctx;

    public TreeParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    private static final class Frame {
        final BlockSpec spec;      // null when skipping an unknown block
        final KeywordSpec owner;   // keyword that opened this block (null at root or when skipping)
        final Node node;
        int skipDepth;             // for skip frames: nested braces still open

        Frame(BlockSpec spec, KeywordSpec owner, Node node) {
            this.spec = spec;
            this.owner = owner;
            this.node = node;
        }
    }

    /** A piece of a line: the words up to and including an opening brace, or a lone closing brace. */
    private record Piece(String file, int line, List<Token> words) {
        boolean opens() {
            return !words.isEmpty() && words.get(words.size() - 1).isOpen();
        }

        boolean isClose() {
            return words.size() == 1 && words.get(0).isClose();
        }

        boolean isOpenOnly() {
            return words.size() == 1 && words.get(0).isOpen();
        }
    }

    public Node parse(List<Line> lines, BlockSpec root) {
        Node top = new Node("<root>", List.of(), null, 0, null);
        top.openBlock();
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(root, null, top));
        Node pendingBlock = null;       // a block keyword whose '{' is expected on a following line
        KeywordSpec pendingSpec = null;
        for (Line l : lines) {
            for (Piece p : pieces(l)) {
                Frame f = stack.get(stack.size() - 1);
                if (f.spec == null) {           // skipping an unknown or too-deep block
                    if (p.isClose()) {
                        if (--f.skipDepth == 0) {
                            stack.remove(stack.size() - 1);
                        }
                    } else if (p.opens()) {
                        f.skipDepth++;
                    }
                    continue;
                }
                if (pendingBlock != null) {
                    Node pb = pendingBlock;
                    KeywordSpec ps = pendingSpec;
                    pendingBlock = null;
                    pendingSpec = null;
                    if (p.isOpenOnly()) {
                        push(stack, ps, pb);
                        continue;
                    }
                    // keepalived: a block keyword must be followed by '{'
                    ctx.diagnostics().add(pb.file(), pb.line(), Severity.ERROR, "Missing '{' at beginning of configuration block");
                    f = stack.get(stack.size() - 1);
                }
                if (p.isClose()) {
                    if (stack.size() == 1) {
                        ctx.diagnostics().add(p.file, p.line, Severity.ERROR, "Unexpected '}' - extra '}' found");
                    } else {
                        stack.remove(stack.size() - 1);
                    }
                    continue;
                }
                List<Token> w = p.words;
                boolean opens = p.opens();
                List<Token> content = opens ? w.subList(0, w.size() - 1) : w;
                if (content.isEmpty()) {        // a lone '{' that nothing asked for
                    ctx.diagnostics().add(p.file, p.line, Severity.ERROR, "Unexpected '{' - skipping block");
                    skip(stack);
                    continue;
                }
                KeywordSpec owner = f.owner;
                if (owner != null && owner.kind() == Kind.LIST) {
                    Node item = new Node(content.get(0).text(), content.subList(1, content.size()), p.file, p.line, null);
                    f.node.add(item);
                    if (owner.itemCheck() != null) {
                        owner.itemCheck().check(item, ctx);
                    }
                    if (opens) {
                        skip(stack);
                    }
                    continue;
                }
                String kw = content.get(0).text();
                KeywordSpec k = f.spec.find(kw);
                if (k == null && f.spec.generic()) {
                    k = new KeywordSpec(kw, List.of(), Kind.VALUE, Check.NONE, null, null, true, null, false, "");
                }
                if (k == null) {
                    ctx.diagnostics().add(p.file, p.line, Severity.ERROR, "Unknown keyword '" + kw + "'");
                    if (opens) {
                        skip(stack);
                    }
                    continue;
                }
                Node n = new Node(kw, content.subList(1, content.size()), p.file, p.line, k);
                f.node.add(n);
                if (k.deprecated() != null) {
                    ctx.diagnostics().add(p.file, p.line, Severity.WARNING,
                        "Keyword '" + kw + "' is deprecated - please use '" + k.deprecated() + "'");
                }
                if (!k.implemented()) {
                    ctx.diagnostics().add(p.file, p.line, Severity.WARNING,
                        "Keyword '" + kw + "' is parsed but not implemented by Halo yet - ignored");
                }
                k.check().check(n, ctx);
                if (k.kind() == Kind.VALUE) {
                    if (opens) {
                        skip(stack);
                    }
                    continue;
                }
                if (opens) {
                    push(stack, k, n);
                } else if (k.blockOptional()) {
                    continue;
                } else {
                    pendingBlock = n;
                    pendingSpec = k;
                }
            }
        }
        if (pendingBlock != null) {
            ctx.diagnostics().add(pendingBlock.file(), pendingBlock.line(), Severity.ERROR,
                "Missing '{' at beginning of configuration block");
        }
        if (stack.size() > 1) {
            Frame open = stack.get(1);
            String where = open.node == null ? "" : " (block '" + open.node.keyword() + "' at line " + open.node.line() + ")";
            ctx.diagnostics().add(null, 0, Severity.ERROR, "Missing '}' at end of configuration" + where);
        }
        return top;
    }

    private void push(List<Frame> stack, KeywordSpec k, Node n) {
        n.openBlock();
        if (stack.size() > MAX_DEPTH) {
            ctx.diagnostics().add(n.file(), n.line(), Severity.ERROR,
                "configuration blocks nested deeper than " + MAX_DEPTH + " - block skipped");
            skip(stack);
            return;
        }
        BlockSpec sub = k.kind() == Kind.LIST ? new BlockSpec(k.name()) : k.block();
        stack.add(new Frame(sub, k, n));
    }

    private static void skip(List<Frame> stack) {
        Frame s = new Frame(null, null, null);
        s.skipDepth = 1;
        stack.add(s);
    }

    private static List<Piece> pieces(Line l) {
        List<Piece> out = new ArrayList<>(2);
        List<Token> cur = new ArrayList<>();
        for (Token t : l.tokens()) {
            if (t.isOpen()) {
                cur.add(t);
                out.add(new Piece(l.file(), l.number(), cur));
                cur = new ArrayList<>();
            } else if (t.isClose()) {
                if (!cur.isEmpty()) {
                    out.add(new Piece(l.file(), l.number(), cur));
                    cur = new ArrayList<>();
                }
                out.add(new Piece(l.file(), l.number(), List.of(t)));
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) {
            out.add(new Piece(l.file(), l.number(), cur));
        }
        return out;
    }
}
