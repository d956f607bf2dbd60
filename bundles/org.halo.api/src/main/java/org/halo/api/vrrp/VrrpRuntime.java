package org.halo.api.vrrp;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only view of the running VRRP engine, provided by the core as an OSGi service.
 *
 * <p><b>Threading.</b> Methods may be called from any thread and return immutable snapshots taken
 * without blocking the engine's event loop (the engine publishes a new snapshot after each change).
 * They never throw for an unknown name; they return empty.
 *
 * <p>While an instance is MASTER the engine also registers an
 * {@code org.osgi.service.condition.Condition} with {@code osgi.condition.id} set to
 * {@link VrrpConditions#masterConditionId(String)}; see {@link VrrpConditions}.
 */
@ProviderType
public interface VrrpRuntime {

    /** All configured instances, in configuration order. */
    List<VrrpInstanceView> instances();

    /** One instance by name. */
    Optional<VrrpInstanceView> instance(String name);

    /** All sync groups, in configuration order. */
    List<VrrpGroupView> groups();
}
