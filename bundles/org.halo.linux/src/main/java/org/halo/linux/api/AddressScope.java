package org.halo.linux.api;

/** rtnetlink address / route scopes (RT_SCOPE_*), as keepalived's {@code scope} keyword names them. */
public enum AddressScope {
    GLOBAL(0), SITE(200), LINK(253), HOST(254), NOWHERE(255);

    private final int value;

    AddressScope(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static AddressScope of(int value) {
        for (AddressScope s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return GLOBAL;
    }

    /** keepalived / iproute2 names: global, site, link, host, nowhere (also "universe"). */
    public static AddressScope parse(String name) {
        return "universe".equals(name) ? GLOBAL : valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
