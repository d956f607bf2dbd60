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
 * @param wantState the state the instance is heading to (keepalived's wantstate: the configured initial state,
 *        MASTER while a sync group holds back a member that wants to be master, FAULT while a fault lasts)
 * @param scriptIfFaults keepalived's num_script_if_fault: failed weight-0 tracked objects (the instance's own
 *        interface unless dont_track_primary, track_interface, track_script, track_file, track_process, its sync
 *        group's ones included)
 * @param scriptsInit keepalived's num_script_init: weight-0 tracked scripts without a result yet
 */
public record InstanceSnapshot(String name, String syncGroup, VrrpState state, int basePriority,
        int effectivePriority, InetAddress masterAddress, int masterPriority, long advertIntervalMillis,
        long masterAdvertIntervalMillis, List<VirtualAddress> virtualAddresses, boolean vipsSet, Counters counters,
        long lastTransitionNanos, VrrpState wantState, int scriptIfFaults, int scriptsInit) {

    /** The 1.0 form: wantstate is the state, no fault or init counts. */
    public InstanceSnapshot(String name, String syncGroup, VrrpState state, int basePriority, int effectivePriority,
            InetAddress masterAddress, int masterPriority, long advertIntervalMillis, long masterAdvertIntervalMillis,
            List<VirtualAddress> virtualAddresses, boolean vipsSet, Counters counters, long lastTransitionNanos) {
        this(name, syncGroup, state, basePriority, effectivePriority, masterAddress, masterPriority, advertIntervalMillis,
                masterAdvertIntervalMillis, virtualAddresses, vipsSet, counters, lastTransitionNanos, state, 0, 0);
    }
}
