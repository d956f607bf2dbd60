package org.halo.api.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual server gained or lost its quorum (keepalived {@code quorum_up}/{@code quorum_down}).
 *
 * @param sequence       assigned by the publisher
 * @param time           when the transition happened
 * @param virtualService the virtual server as keepalived prints it
 * @param up             {@code true} when quorum is reached
 */
public record VirtualServiceEvent(long sequence, Instant time, String virtualService, boolean up)
        implements HaloEvent {

    public VirtualServiceEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(virtualService, "virtualService");
    }

    @Override
    public VirtualServiceEvent withSequence(long sequence) {
        return new VirtualServiceEvent(sequence, time, virtualService, up);
    }
}
