package org.halo.vrrp.runtime.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP address literals from keepalived.conf values; never a host name, which would make getByName query DNS. */
public final class AddressLiterals {
    private static final Pattern PLAIN = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern WITH_ZONE = Pattern.compile("[0-9A-Fa-f:.%]+[0-9A-Za-z]*");

    private AddressLiterals() {
    }

    /** An address without a zone (routes and rules). */
    public static InetAddress plain(String text) {
        return parse(text, PLAIN);
    }

    /** An address that may carry an IPv6 zone ({@code fe80::1%eth0}: sources, peers, VIPs). */
    public static InetAddress withZone(String text) {
        return parse(text, WITH_ZONE);
    }

    private static InetAddress parse(String text, Pattern allowed) {
        if (!allowed.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IP address literal: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + text, e);
        }
    }
}
