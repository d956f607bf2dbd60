package org.halo.vrrp.engine;

import java.net.InetAddress;

/**
 * One state change of an instance.
 *
 * @param instance instance name (e.g. VI_1)
 * @param syncGroup the instance's sync group, or null
 * @param from previous state
 * @param to new state
 * @param priority effective priority at the time
 * @param nanoTime loop time of the transition
 * @param cause the input that caused it (e.g. "timeout", "higher-priority advert from 10.0.0.2", "link down")
 * @param peer the advert source involved, or null
 */
public record StateTransition(String instance, String syncGroup, VrrpState from, VrrpState to, int priority,
        long nanoTime, String cause, InetAddress peer) {
}
