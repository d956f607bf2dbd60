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

    public void error(Node n, String message) {
        diags.add(n.file(), n.line(), Severity.ERROR, message);
    }

    public void warning(Node n, String message) {
        diags.add(n.file(), n.line(), Severity.WARNING, message);
    }

    public void fatal(Node n, String message) {
        diags.add(n.file(), n.line(), Severity.FATAL, message);
    }

    public void security(Node n, String message) {
        diags.add(n.file(), n.line(), Severity.SECURITY, message);
    }
}
