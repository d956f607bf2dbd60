/**
 * Forwarder plug-in point: a {@link org.halo.api.forward.Forwarder} reconciles a desired virtual-service
 * table to its data plane (IPVS, an nginx sidecar, ...) and reports what is there. The core's
 * {@link org.halo.api.forward.ForwardingControl} holds the desired tables and drives reconciliation.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.halo.api.forward;
