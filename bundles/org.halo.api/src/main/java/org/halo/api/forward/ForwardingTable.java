package org.halo.api.forward;

import java.util.List;

/**
 * A whole virtual-service table. {@code generation} increases with each desired table the core
 * computes, so a forwarder (and the shell) can tell which desired table an actual table answers.
 *
 * @param generation the desired table's generation this table corresponds to
 * @param services   the virtual services; immutable
 */
public record ForwardingTable(long generation, List<VirtualService> services) {

    /** The empty table. */
    public static final ForwardingTable EMPTY = new ForwardingTable(0, List.of());

    public ForwardingTable {
        services = List.copyOf(services);
    }
}
