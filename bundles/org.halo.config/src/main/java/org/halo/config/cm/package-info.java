/**
 * The ConfigAdmin bridge: publishes keepalived.conf as configurations (PIDs in {@link org.halo.config.cm.Pids}, service {@link org.halo.config.cm.ConfigBridge}),
 * reloads by diffing. See docs/config-model.md.
 */
@Version("1.0.0")
@Export
package org.halo.config.cm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
