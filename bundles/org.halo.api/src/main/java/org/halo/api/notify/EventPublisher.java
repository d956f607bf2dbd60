package org.halo.api.notify;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Provided by the core: the one entry point for transitions. The VRRP engine and the load-balancer
 * core call {@link #publish(HaloEvent)} after a transition has taken effect.
 *
 * <p>{@code publish} never blocks and never throws: it assigns the sequence number and appends the
 * event to each current notifier's bounded queue (dropping and counting on overflow). It may be called
 * from any thread; events published from one thread are delivered to every notifier in that order.
 */
@ProviderType
public interface EventPublisher {

    /**
     * Publishes an event to all notifiers.
     *
     * @return the event with its assigned sequence number
     */
    HaloEvent publish(HaloEvent event);
}
