package org.halo.vrrp.runtime.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import org.halo.linux.api.Address;
import org.halo.linux.api.AddressScope;

/**
 * Turns a keepalived virtual_ipaddress entry into an rtnetlink address. keepalived's syntax:
 * {@code <IP>[/<PREFIX>] [brd <IP>] [dev <IF>] [scope <SCOPE>] [label <LABEL>]}; without a prefix the
 * VIP is a host address (/32, /128); without dev it goes on the instance's interface; IPv6 VIPs are
 * added with IFA_F_NODAD, as keepalived does.
 */
public final class AddressMapping {
    private AddressMapping() {
    }

    /**
     * @param address        the VIP
     * @param prefixLength   prefix, or a negative value for "none given"
     * @param device         dev option or null
     * @param options        the remaining options text ("brd 10.0.0.255 scope link label eth0:1")
     * @param instanceDevice the instance's interface (or its VMAC)
     */
    public static Address toAddress(InetAddress address, int prefixLength, String device, String options, String instanceDevice) {
        boolean v6 = address instanceof Inet6Address;
        int prefix = prefixLength >= 0 ? prefixLength : v6 ? 128 : 32;
        String dev = device != null && !device.isBlank() ? device : instanceDevice;
        InetAddress brd = null;
        AddressScope scope = AddressScope.GLOBAL;
        String label = null;
        String[] words = options == null ? new String[0] : options.trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            switch (words[i].toLowerCase(Locale.ROOT)) {
                case "brd" -> brd = parse(words[++i]);
                case "dev" -> dev = words[++i];
                case "scope" -> scope = AddressScope.parse(words[++i]);
                case "label" -> label = words[++i];
                default -> {
                    // peer, home, noprefixroute, autojoin: not needed for a VIP's identity
                }
            }
        }
        return new Address(address, prefix, dev, brd, scope, label, v6);
    }

    private static InetAddress parse(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + text, e);
        }
    }
}
