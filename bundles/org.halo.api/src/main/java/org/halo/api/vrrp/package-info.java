/**
 * Read-only view of the VRRP engine ({@link org.halo.api.vrrp.VrrpRuntime}) and the MASTER condition
 * services ({@link org.halo.api.vrrp.VrrpConditions}), provided by the core.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.halo.api.vrrp;
