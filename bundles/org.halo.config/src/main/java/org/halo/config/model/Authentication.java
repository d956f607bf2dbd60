package org.halo.config.model;

/** authentication { auth_type PASS|AH auth_pass ... } (RFC 3768 5.3.6; not in VRRPv3). */
public record Authentication(String type, String password) {
}
