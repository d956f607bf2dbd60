package org.halo.linux.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.halo.linux.api.LinuxException;
import org.halo.linux.api.Sysctl;

/** /proc/sys access, restricted to the {@code net.} tree and to the namespace it was opened in. */
final class SysctlImpl implements Sysctl {
    private final NetnsGuard guard = new NetnsGuard();

    private Path path(String key) throws LinuxException {
        if (!key.startsWith("net.") || key.contains("..")) {
            throw new LinuxException("not a net sysctl key: " + key, 22);
        }
        guard.check("sysctl " + key);
        // sysctl(8) convention: '.' separates levels, '/' stands for a '.' inside one (vrrp/51 = vrrp.51)
        Path p = Path.of("/proc/sys");
        for (String segment : key.split("\\.")) {
            p = p.resolve(segment.replace('/', '.'));
        }
        return p;
    }

    @Override
    public String get(String key) throws LinuxException {
        try {
            return Files.readString(path(key), StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            throw new LinuxException("sysctl " + key + " does not exist", 2);
        } catch (IOException e) {
            throw new LinuxException("sysctl " + key + ": " + e.getMessage(), 5);
        }
    }

    @Override
    public void set(String key, String value) throws LinuxException {
        try {
            Files.writeString(path(key), value, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new LinuxException("sysctl " + key + " does not exist", 2);
        } catch (IOException e) {
            throw new LinuxException("sysctl " + key + " = " + value + ": " + e.getMessage(), 5);
        }
    }

    /**
     * What keepalived (vrrp_if_config.c) does for a use_vmac interface: on the VMAC arp_ignore=1,
     * accept_local=1, rp_filter=0, promote_secondaries=1; on the parent arp_ignore=1 and arp_filter=1;
     * and, since rp_filter=0 only takes effect when all.rp_filter is 0, it raises default.rp_filter to
     * all.rp_filter and then clears all.rp_filter (keeping other interfaces' behaviour).
     */
    void configureVmac(String vmac, String parent) throws LinuxException {
        int all = Integer.parseInt(get("net.ipv4.conf.all.rp_filter"));
        if (all != 0) {
            if (Integer.parseInt(get("net.ipv4.conf.default.rp_filter")) < all) {
                set("net.ipv4.conf.default.rp_filter", Integer.toString(all));
            }
            set("net.ipv4.conf.all.rp_filter", "0");
        }
        String v = "net.ipv4.conf." + vmac.replace('.', '/') + ".";
        set(v + "arp_ignore", "1");
        set(v + "accept_local", "1");
        set(v + "rp_filter", "0");
        set(v + "promote_secondaries", "1");
        // no IPv6 on an IPv4 VMAC (keepalived does this unless the instance has IPv6 eVIPs)
        set("net.ipv6.conf." + vmac.replace('.', '/') + ".disable_ipv6", "1");
        String p = "net.ipv4.conf." + parent.replace('.', '/') + ".";
        set(p + "arp_ignore", "1");
        set(p + "arp_filter", "1");
    }
}
