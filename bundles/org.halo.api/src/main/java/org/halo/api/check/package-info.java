/**
 * Checker plug-in point: a {@link org.halo.api.check.Checker} probes one target once; the core owns
 * scheduling, retries, fall/rise, timeouts and result bookkeeping ({@link org.halo.api.check.CheckRegistry}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.halo.api.check;
