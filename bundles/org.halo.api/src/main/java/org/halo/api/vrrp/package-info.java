/** Halo plug-in contract: vrrp. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.halo.api.vrrp;
