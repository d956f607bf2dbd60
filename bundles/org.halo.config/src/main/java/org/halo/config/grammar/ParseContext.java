package org.halo.config.grammar;

import org.halo.config.diag.Diagnostics;
import org.halo.config.diag.Severity;

/** What a {@link Check} may use: the diagnostics sink, addressed by node. */
public final class ParseContext {
    private final Diagnostics diags;

    public ParseContext(Diagnostics diags) {
        this.diags = diags;
    }

    public Diagnostics diagnostics() {
        return diags;
    }

    public void report(Node n, Severity s, String message) {
        diags.add(n.file(), n.line(), s, message);
    }
}
