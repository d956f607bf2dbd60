package org.halo.api.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A real server of a virtual server went up or down after its checks.
 *
 * @param sequence       assigned by the publisher
 * @param time           when the transition happened
 * @param virtualService the virtual server as keepalived prints it, e.g. {@code 10.0.0.1:80} or
 *                       {@code FWM 7}
 * @param realServer     the real server, e.g. {@code 192.168.1.10:8080}
 * @param up             the new state
 * @param checkType      the check type that decided, e.g. {@code HTTP_GET}
 */
public record RealServerEvent(long sequence, Instant time, String virtualService, String realServer,
        boolean up, String checkType) implements HaloEvent {

    public RealServerEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(virtualService, "virtualService");
        Objects.requireNonNull(realServer, "realServer");
        Objects.requireNonNull(checkType, "checkType");
    }

    @Override
    public RealServerEvent withSequence(long sequence) {
        return new RealServerEvent(sequence, time, virtualService, realServer, up, checkType);
    }
}
