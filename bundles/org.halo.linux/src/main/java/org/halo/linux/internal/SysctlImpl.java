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
    synchronized void configureVmac(String vmac, String parent) throws LinuxException {
        String p = "net.ipv4.conf." + parent.replace('.', '/') + ".";
        // the values before the first VMAC, restored when the last one goes (keepalived's reset_interface_parameters)
        if (!savedParents.containsKey(parent)) {
            savedParents.put(parent, new String[] {get(p + "arp_ignore"), get(p + "arp_filter")});
        }
        if (savedRpFilter == null) {
            savedRpFilter = new String[] {get("net.ipv4.conf.all.rp_filter"), get("net.ipv4.conf.default.rp_filter")};
        }
        vmacParents.put(vmac, parent);
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
        set(p + "arp_ignore", "1");
        set(p + "arp_filter", "1");
    }

    private final java.util.Map<String, String> vmacParents = new java.util.HashMap<>();
    private final java.util.Map<String, String[]> savedParents = new java.util.HashMap<>();
    private String[] savedRpFilter;

    /**
     * A VMAC configured by {@link #configureVmac} was deleted: when it was the last one on its parent, the
     * parent's arp_ignore / arp_filter get their earlier values back; when it was the last one at all,
     * all.rp_filter and default.rp_filter too (keepalived restores them when its VMACs go). A parent that is
     * gone is skipped.
     */
    synchronized void vmacRemoved(String vmac) throws LinuxException {
        String parent = vmacParents.remove(vmac);
        if (parent == null) {
            return;
        }
        if (!vmacParents.containsValue(parent)) {
            String[] old = savedParents.remove(parent);
            String p = "net.ipv4.conf." + parent.replace('.', '/') + ".";
            try {
                set(p + "arp_ignore", old[0]);
                set(p + "arp_filter", old[1]);
            } catch (LinuxException gone) {
                // the parent itself was removed meanwhile: nothing to restore
            }
        }
        if (vmacParents.isEmpty() && savedRpFilter != null) {
            // default first: with all.rp_filter back, default's raised value would otherwise show for a moment
            set("net.ipv4.conf.default.rp_filter", savedRpFilter[1]);
            set("net.ipv4.conf.all.rp_filter", savedRpFilter[0]);
            savedRpFilter = null;
        }
    }
}
