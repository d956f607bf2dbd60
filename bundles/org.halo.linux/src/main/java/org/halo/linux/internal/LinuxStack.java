package org.halo.linux.internal;

import org.halo.linux.api.LinuxException;

/** The implementations, wired together, in the network namespace of the opening thread. */
public record LinuxStack(NetlinkImpl netlink, VrrpSocketsImpl vrrpSockets, PcapAnnouncer announcer,
        SysctlImpl sysctl) implements AutoCloseable {

    public static LinuxStack open() throws LinuxException {
        SysctlImpl sysctl = new SysctlImpl();
        NetlinkImpl netlink = new NetlinkImpl(sysctl);
        return new LinuxStack(netlink, new VrrpSocketsImpl(netlink), new PcapAnnouncer(), sysctl);
    }

    @Override
    public void close() {
        announcer.close();
        netlink.close();
    }
}
