/** The launcher's entry points for {@code -t} and {@code -d}: {@link org.halo.config.cli.ConfigCli}. */
@Version("1.0.0")
@Export
package org.halo.config.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
