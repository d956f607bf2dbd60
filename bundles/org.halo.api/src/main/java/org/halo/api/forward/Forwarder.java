package org.halo.api.forward;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Programs one data plane. Implemented by forwarder plug-ins and registered as an OSGi service with the
 * service property {@value #NAME} (e.g. {@code ipvs}, {@code nginx}); the core sends each forwarder the
 * desired table set for that name in {@link ForwardingControl}.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Threading.</b> Calls come from the core's forwarder thread dedicated to this forwarder, never
 * concurrently: the next reconcile is only sent after the previous stage completed (intermediate desired
 * tables are coalesced: only the newest is sent).</li>
 * <li><b>Idempotence.</b> {@link #reconcile} must make the data plane equal to {@code desired}, whatever
 * it holds now (it may be a restart, or another version of this bundle may have programmed it).</li>
 * <li><b>Timeouts.</b> A stage not completed within the core's timeout (default 30 s) is counted as a
 * timeout and retried with the newest desired table after a back-off.</li>
 * <li><b>Failure.</b> An exception is counted and the reconcile is retried after a back-off.</li>
 * <li><b>Hot swap.</b> When the service goes away the core does nothing to the data plane (it stays as
 * it is); when a forwarder of that name appears it is reconciled with the current desired table. A
 * forwarder must therefore not flush its data plane on deactivation.</li>
 * <li><b>Master gating.</b> A forwarder that must only program while an instance is MASTER references
 * the condition described in {@code org.halo.api.vrrp.VrrpConditions}.</li>
 * </ul>
 */
@ConsumerType
public interface Forwarder {

    /** Service property: data-plane name, e.g. {@code ipvs}. */
    String NAME = "halo.forwarder.name";

    /**
     * Makes the data plane equal to {@code desired}.
     *
     * @return a stage completed with the table actually present afterwards
     */
    CompletionStage<ForwardingTable> reconcile(ForwardingTable desired);

    /** Reads the table actually present in the data plane. */
    CompletionStage<ForwardingTable> actual();
}
