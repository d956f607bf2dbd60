/**
 * Immutable model of a keepalived.conf (keepalived 2.2.7 semantics), produced by
 * {@code org.halo.config.ConfigLoader} and consumed by the VRRP engine, the LVS layer and the ConfigAdmin bridge.
 * Every record has typed fields for what Halo acts on and an {@code options} map holding every keyword of its
 * block as written (keyword to words of its last occurrence), so nothing in the file is lost. See
 * docs/config-model.md.
 */
@Version("1.0.0")
@Export
package org.halo.config.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
