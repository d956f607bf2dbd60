/**
 * Status dumps in keepalived 2.2.7's formats ({@code /tmp/keepalived.data}, {@code .stats},
 * {@code .json}). The VRRP runtime provides a {@link org.halo.status.api.StatusSource}; this bundle
 * provides {@link org.halo.status.api.StatusDumps}, which the launcher calls on keepalived's signals
 * (SIGUSR1 = data, SIGUSR2 = stats, 36 = json).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.halo.status.api;
