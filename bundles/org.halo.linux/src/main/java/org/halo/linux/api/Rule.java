package org.halo.linux.api;

import java.net.InetAddress;

/**
 * A policy routing rule, the basics of a keepalived virtual_rules line:
 * {@code from <src>/<len> to <dst>/<len> [iif <dev>] [oif <dev>] [fwmark <m>] priority <n> table <t>}.
 *
 * @param ipv6 address family
 * @param from source prefix, null for any
 * @param fromPrefix source prefix length
 * @param to destination prefix, null for any
 * @param toPrefix destination prefix length
 * @param inputInterface FRA_IIFNAME, null for any
 * @param outputInterface FRA_OIFNAME, null for any
 * @param fwmark firewall mark, 0 for none
 * @param priority rule priority (keepalived requires one so deletion is exact), 0 lets the kernel choose
 * @param table table to look up
 */
public record Rule(boolean ipv6, InetAddress from, int fromPrefix, InetAddress to, int toPrefix,
        String inputInterface, String outputInterface, int fwmark, int priority, int table) {
}
