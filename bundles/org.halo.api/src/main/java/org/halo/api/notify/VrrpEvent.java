package org.halo.api.notify;

import java.time.Instant;
import java.util.Objects;

import org.halo.api.vrrp.VrrpState;

/**
 * A VRRP instance or sync group entered {@code state}; keepalived's {@code notify} arguments are
 * {@code scope name state priority}.
 *
 * @param sequence assigned by the publisher
 * @param time     when the state was entered
 * @param scope    instance or group
 * @param name     instance or group name
 * @param state    the new state
 * @param previous the state left
 * @param priority effective priority at the transition (0 for groups, as keepalived)
 */
public record VrrpEvent(long sequence, Instant time, Scope scope, String name, VrrpState state,
        VrrpState previous, int priority) implements HaloEvent {

    /** keepalived's first {@code notify} argument. */
    public enum Scope {
        INSTANCE, GROUP
    }

    public VrrpEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(previous, "previous");
    }

    @Override
    public VrrpEvent withSequence(long sequence) {
        return new VrrpEvent(sequence, time, scope, name, state, previous, priority);
    }
}
