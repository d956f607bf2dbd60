package org.halo.vrrp.runtime.net;

/**
 * What the network port needs of one instance beyond the engine's InstanceConfig.
 *
 * @param vmac               use_vmac settings, or null
 * @param garpIntervalMicros keepalived's vrrp_garp_interval: the least time between two gratuitous ARPs on an
 *                           interface (0: back to back)
 * @param gnaIntervalMicros  vrrp_gna_interval, the same for unsolicited neighbour advertisements
 */
public record InstanceNet(VmacSpec vmac, long garpIntervalMicros, long gnaIntervalMicros) {
    public static final InstanceNet NONE = new InstanceNet(null, 0, 0);
}
