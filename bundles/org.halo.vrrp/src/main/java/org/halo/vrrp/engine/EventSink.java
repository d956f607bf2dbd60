package org.halo.vrrp.engine;

/**
 * Receives state transitions and other notify-worthy events (the input of notify scripts, FIFO,
 * webhooks). Called on the engine loop: implementations must hand work off and return at once.
 */
public interface EventSink {

    /** An instance changed state; {@code cause} says which input caused it. */
    void stateChanged(StateTransition transition);

    /** A sync group changed state (keepalived's notify for vrrp_sync_group). */
    default void syncGroupChanged(String group, VrrpState from, VrrpState to) {
    }

    /** The effective priority changed (keepalived's notify_priority_changes). */
    default void priorityChanged(String instance, int from, int to) {
    }

    /** As master, an advert with lower priority was received (keepalived's notify_master_rx_lower_pri). */
    default void masterReceivedLowerPriority(String instance, java.net.InetAddress from, int priority) {
    }

    /** A sink that drops everything. */
    static EventSink none() {
        return t -> {
        };
    }
}
