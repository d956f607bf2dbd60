package org.halo.api.check;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Probes one target once, asynchronously. Implemented by checker plug-ins and registered as an OSGi
 * service with the service property {@value #TYPE} naming the keepalived check type it serves, e.g.
 * {@code halo.checker.type=MISC_CHECK}, {@code HTTP_GET}, {@code TCP_CHECK}, {@value #VRRP_SCRIPT}
 * for {@code vrrp_script} or {@value #VRRP_TRACK_PROCESS} for {@code vrrp_track_process} (one service may
 * list several types).
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Threading.</b> {@link #check} is called from a thread of the plug-in host's executor that is
 * dedicated to this checker's type; it should return quickly (start the probe, return the stage). A
 * checker that blocks in {@code check} only delays its own type's targets. Calls for different targets
 * may be concurrent; the core never runs two probes of the same target at the same time.</li>
 * <li><b>Timeouts.</b> The host completes the probe as {@link CheckResult.Outcome#TIMEOUT} when the
 * stage has not completed within {@link CheckTarget#timeout()} and then cancels the stage
 * ({@code toCompletableFuture().cancel(true)}); the checker should release resources (kill the script,
 * close the socket) when cancelled, and may also enforce the timeout itself.</li>
 * <li><b>Failure.</b> A thrown exception or an exceptionally completed stage counts as a failed probe
 * ({@link CheckResult.Outcome#FAILURE}) and is counted as a plug-in failure; it never affects other
 * checkers or the VRRP engine.</li>
 * <li><b>State.</b> A checker keeps no health state: fall/rise, retries, delay before retry and the
 * up/down decision are the core's. When the service goes away the targets keep their last state,
 * marked "no checker", and resume with that state when a provider of the type returns.</li>
 * </ul>
 */
@ConsumerType
public interface Checker {

    /** Service property: keepalived check type(s) served, e.g. {@code MISC_CHECK}. */
    String TYPE = "halo.checker.type";

    /** Pseudo check type for {@code vrrp_script} entries tracked by VRRP instances. */
    String VRRP_SCRIPT = "VRRP_SCRIPT";

    /**
     * Pseudo check type for {@code vrrp_track_process} entries tracked by VRRP instances: success while the
     * number of matching processes is within the target's {@code quorum}..{@code quorum_max}.
     */
    String VRRP_TRACK_PROCESS = "VRRP_TRACK_PROCESS";

    /**
     * Starts one probe of {@code target}.
     *
     * @param target what to probe and how (type-specific properties)
     * @return a stage completed with the probe result; never {@code null}
     */
    CompletionStage<CheckResult> check(CheckTarget target);
}
