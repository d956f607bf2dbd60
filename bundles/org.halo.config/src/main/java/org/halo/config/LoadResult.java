package org.halo.config;

import org.halo.config.diag.Diagnostics;
import org.halo.config.grammar.Node;
import org.halo.config.model.KeepalivedConfig;

/**
 * The outcome of loading a keepalived.conf: diagnostics, the keyword tree, the model (null when keepalived could not
 * use the file at all) and a printable dump of the effective configuration.
 */
public record LoadResult(Diagnostics diagnostics, Node tree, KeepalivedConfig model, String dump) {
}
