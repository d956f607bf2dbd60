package org.halo.linux.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes {@code /proc/sys/net} values, e.g. {@code net.ipv4.conf.eth0.arp_ignore}. As with
 * sysctl(8), a '/' in a key stands for a '.' inside an interface name: {@code net.ipv4.conf.vrrp/51.rp_filter}.
 */
@ProviderType
public interface Sysctl {

    /** Value of the dotted key, trimmed; throws if the key does not exist. */
    String get(String key) throws LinuxException;

    void set(String key, String value) throws LinuxException;
}
