/** Plain (non-OSGi) entry point to the Linux layer: {@link org.halo.linux.Linux#open()}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.halo.linux;
