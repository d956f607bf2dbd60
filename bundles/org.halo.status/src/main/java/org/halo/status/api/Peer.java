package org.halo.status.api;

/** A unicast_peer as keepalived's data file shows it ("10.77.0.12 min_ttl 0 max_ttl 255"). */
public record Peer(String address, int minTtl, int maxTtl) {
}
