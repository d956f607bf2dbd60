package org.halo.linux.api;

/**
 * A link change from the RTMGRP_LINK multicast group.
 *
 * @param link the link's state after the change
 * @param removed true for RTM_DELLINK (the link is gone)
 */
public record LinkEvent(Link link, boolean removed) {
}
