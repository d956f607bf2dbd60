package org.halo.vrrp.engine;

import java.net.InetAddress;
import java.util.List;

/**
 * Read-only view of one instance, safe to read from any thread (published by the loop after each event).
 *
 * @param name instance name
 * @param syncGroup sync group name or null
 * @param state current state
 * @param basePriority configured priority
 * @param effectivePriority priority after tracking
 * @param masterAddress the current master's address (ours when MASTER), or null if unknown
 * @param masterPriority the last priority heard from the master (ours when MASTER)
 * @param advertIntervalMillis configured interval
 * @param masterAdvertIntervalMillis the interval in use (a v3 backup adopts the master's)
 * @param virtualAddresses configured VIPs
 * @param vipsSet whether the VIPs are currently installed
 * @param counters statistics
 * @param lastTransitionNanos loop time of the last transition
 */
public record InstanceSnapshot(String name, String syncGroup, VrrpState state, int basePriority,
        int effectivePriority, InetAddress masterAddress, int masterPriority, long advertIntervalMillis,
        long masterAdvertIntervalMillis, List<VirtualAddress> virtualAddresses, boolean vipsSet, Counters counters,
        long lastTransitionNanos) {
}
