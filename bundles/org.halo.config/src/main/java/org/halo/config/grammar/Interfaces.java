package org.halo.config.grammar;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.function.Predicate;

/** Whether a network interface exists (keepalived checks this at parse time, see vrrp_int_handler). */
public final class Interfaces {
    private Interfaces() {
    }

    /** The host's interfaces, as seen from the current network namespace. */
    public static final Predicate<String> SYSTEM = name -> {
        try {
            return NetworkInterface.getByName(name) != null;
        } catch (SocketException | RuntimeException e) {
            return false;
        }
    };
}
