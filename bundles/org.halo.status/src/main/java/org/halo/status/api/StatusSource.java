package org.halo.status.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by the VRRP runtime: an immutable snapshot of what keepalived prints in its dumps.
 * Called from the status bundle's threads; must not block the engine loop.
 */
@ConsumerType
public interface StatusSource {
    List<InstanceStatus> instances();

    List<GroupStatus> groups();

    /** Zeroes every instance's counters (keepalived's stats-clear). */
    void clearStats();
}
