package org.halo.api.forward;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Provided by the core plug-in host: the desired table per forwarder name and the last actual table
 * each forwarder reported. The load-balancer core sets desired tables; the host sends them to the
 * forwarder of that name whenever the table changes or the forwarder (re)appears.
 *
 * <p>All methods are non-blocking and thread-safe.
 */
@ProviderType
public interface ForwardingControl {

    /** Sets the desired table for the forwarder named {@code forwarder} and schedules a reconcile. */
    void setDesired(String forwarder, ForwardingTable desired);

    /** The desired table for {@code forwarder}, if one was set. */
    Optional<ForwardingTable> desired(String forwarder);

    /** The table the forwarder last reported as actual, if any. */
    Optional<ForwardingTable> actual(String forwarder);
}
