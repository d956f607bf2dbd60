package org.halo.vrrp.packet;

/** VRRPv2 authentication type (RFC 3768 section 5.3.6; AH is keepalived's RFC 2338 legacy). */
public enum AuthType {
    NONE(0), PASS(1), AH(2);

    private final int code;

    AuthType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the type for a wire code, or {@code null} if unknown. */
    public static AuthType fromCode(int code) {
        for (AuthType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
