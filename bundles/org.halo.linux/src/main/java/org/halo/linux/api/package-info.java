/**
 * Halo's view of the Linux network stack: raw VRRP sockets, rtnetlink (addresses, routes, rules,
 * links, link monitoring, macvlan VMACs), sysctls and L2 announcements (gratuitous ARP, unsolicited
 * NA). Plain interfaces and records; no OSGi types are needed to use them. Obtain implementations as
 * OSGi services or, without OSGi, from {@code org.halo.linux.Linux.open()}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.halo.linux.api;
