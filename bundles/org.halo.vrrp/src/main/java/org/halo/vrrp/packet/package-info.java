/**
 * VRRP packet codec: VRRPv2 (RFC 3768) and VRRPv3 (RFC 5798) over IPv4 and IPv6, checksums, simple
 * password authentication and keepalived's IPsec AH (HMAC-MD5-96) for VRRPv2.
 */
@Version("1.0.0")
@Export
package org.halo.vrrp.packet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
