package org.halo.linux.api;

import java.util.Arrays;
import java.util.HexFormat;

/** An Ethernet (EUI-48) address. */
public record MacAddress(byte[] bytes) {
    public MacAddress {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("MAC address needs 6 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 00:00:5e:00:01:33}. */
    public static MacAddress parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return new MacAddress(b);
    }

    /**
     * The VRRP virtual router MAC (RFC 5798 section 7.3): 00:00:5e:00:01:VRID for IPv4,
     * 00:00:5e:00:02:VRID for IPv6, which is what keepalived gives a use_vmac interface.
     */
    public static MacAddress vrrp(int vrid, boolean ipv6) {
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("VRID out of range: " + vrid);
        }
        return new MacAddress(new byte[] {0, 0, 0x5e, 0, (byte) (ipv6 ? 2 : 1), (byte) vrid});
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
