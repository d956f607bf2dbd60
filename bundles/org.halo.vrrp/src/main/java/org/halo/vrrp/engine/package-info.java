/**
 * The VRRP engine: per-instance state machines (INIT/BACKUP/MASTER/FAULT/STOP) driven by one event loop
 * on an injected monotonic clock. Inputs are posted to the loop; effects leave through {@link
 * org.halo.vrrp.engine.VrrpNetwork}, {@link org.halo.vrrp.engine.EventSink} and {@link
 * org.halo.vrrp.engine.LogSink}. Free of OSGi and Linux calls.
 */
@Version("1.2.0")
@Export
package org.halo.vrrp.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
