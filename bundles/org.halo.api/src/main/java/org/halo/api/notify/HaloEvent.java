package org.halo.api.notify;

import java.time.Instant;

/**
 * A transition worth telling. {@link #sequence()} is assigned by the core's {@link EventPublisher}:
 * strictly increasing across all events of one daemon run, so receivers can order and detect gaps.
 */
public sealed interface HaloEvent permits VrrpEvent, RealServerEvent, VirtualServiceEvent {

    /** Sequence number assigned on publish (0 before). */
    long sequence();

    /** When the transition happened. */
    Instant time();

    /** The same event with {@code sequence} set; used by the publisher. */
    HaloEvent withSequence(long sequence);
}
