/** JNA bindings: raw VRRP sockets, rtnetlink, sysctl; GARP and NA through pcap4j. */
package org.halo.linux;
