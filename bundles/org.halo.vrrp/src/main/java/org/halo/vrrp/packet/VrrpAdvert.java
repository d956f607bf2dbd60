package org.halo.vrrp.packet;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One decoded VRRP header plus its address list (the VRRP payload, without IP or AH headers).
 *
 * @param version 2 or 3
 * @param type packet type (1 = ADVERTISEMENT, anything else is invalid but kept so validation can count it)
 * @param vrid virtual router id 1..255
 * @param priority 0..255
 * @param advertInterval raw interval field: seconds for v2, centiseconds (12 bits) for v3
 * @param authType v2 auth type; always NONE for v3
 * @param rawAuthType the v2 auth type byte as received (v3: the reserved bits)
 * @param checksum checksum field as on the wire
 * @param addresses the virtual addresses (all IPv4 or all IPv6)
 * @param authData the 8 v2 authentication bytes (zero for NONE/AH, password for PASS); empty for v3
 */
public record VrrpAdvert(int version, int type, int vrid, int priority, int advertInterval, AuthType authType,
        int rawAuthType, int checksum, List<InetAddress> addresses, byte[] authData) {

    public static final int TYPE_ADVERTISEMENT = 1;
    public static final int HEADER_LEN = 8;
    public static final int AUTH_LEN = 8;

    public VrrpAdvert {
        addresses = List.copyOf(addresses);
        authData = authData == null ? new byte[0] : authData.clone();
    }

    /** A v2 advertisement as a sender builds it; the checksum is computed by the codec. */
    public static VrrpAdvert v2(int vrid, int priority, int advertSeconds, AuthType auth, byte[] password,
            List<InetAddress> addresses) {
        byte[] data = new byte[AUTH_LEN];
        if (auth == AuthType.PASS && password != null) {
            System.arraycopy(password, 0, data, 0, Math.min(AUTH_LEN, password.length));
        }
        return new VrrpAdvert(2, TYPE_ADVERTISEMENT, vrid, priority, advertSeconds, auth, auth.code(), 0, addresses,
                data);
    }

    /** A v3 advertisement; {@code intervalCentis} is masked to 12 bits as keepalived does. */
    public static VrrpAdvert v3(int vrid, int priority, int intervalCentis, List<InetAddress> addresses) {
        return new VrrpAdvert(3, TYPE_ADVERTISEMENT, vrid, priority, intervalCentis & 0x0FFF, AuthType.NONE, 0, 0,
                addresses, new byte[0]);
    }

    /** @return advertisement interval in milliseconds (v2 seconds, v3 centiseconds). */
    public long intervalMillis() {
        return version == 2 ? advertInterval * 1000L : advertInterval * 10L;
    }

    public boolean ipv6() {
        return !addresses.isEmpty() && addresses.get(0).getAddress().length == 16;
    }

    @Override
    public byte[] authData() {
        return authData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VrrpAdvert a && version == a.version && type == a.type && vrid == a.vrid
                && priority == a.priority && advertInterval == a.advertInterval && authType == a.authType
                && rawAuthType == a.rawAuthType && checksum == a.checksum && addresses.equals(a.addresses)
                && Arrays.equals(authData, a.authData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, vrid, priority, advertInterval, checksum, addresses) * 31
                + Arrays.hashCode(authData);
    }

    @Override
    public String toString() {
        return "VRRPv" + version + "{vrid=" + vrid + ", prio=" + priority + ", int=" + advertInterval + ", auth="
                + authType + ", addrs=" + addresses + "}";
    }
}
