package org.halo.config;

import org.halo.config.diag.Diagnostics;
import org.halo.config.grammar.Node;

/** The outcome of loading a keepalived.conf: diagnostics, the keyword tree and a printable dump. */
public record LoadResult(Diagnostics diagnostics, Node tree, String dump) {
}
