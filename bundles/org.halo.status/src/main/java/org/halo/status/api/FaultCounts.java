package org.halo.status.api;

/**
 * keepalived's per-instance fault counters as its data file prints them.
 *
 * @param config        "Number of config faults" (num_config_faults): configuration problems that keep the
 *                      instance in FAULT; Halo refuses such a configuration instead, so this stays 0
 * @param scriptIfFault "Number of interface and track script faults" (num_script_if_fault): failed weight-0
 *                      tracked objects, the instance's own interface included
 * @param scriptInit    "Number of track scripts init" (num_script_init): weight-0 tracked scripts without a
 *                      result yet
 */
public record FaultCounts(int config, int scriptIfFault, int scriptInit) {
    public static final FaultCounts NONE = new FaultCounts(0, 0, 0);
}
