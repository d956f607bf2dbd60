package org.halo.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after every transition. Implemented by notifier plug-ins (scripts, FIFO, SMTP, webhooks) and
 * registered as an OSGi service; the optional service property {@value #NAME} names it in logs and the
 * shell (default: the component name or service id).
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Threading.</b> Each notifier has its own delivery thread and its own bounded queue in the
 * core. {@link #notify(HaloEvent)} is called on that thread, one event at a time, in publish order,
 * never on the VRRP engine's thread. It may block (run a script, write to a FIFO, POST a request).</li>
 * <li><b>Timeouts.</b> A call that takes longer than {@value #TIMEOUT_MS} milliseconds (service
 * property, default 10000) is interrupted and counted as a timeout; delivery moves on to the next
 * event. While a call is stuck, events queue up to {@value #QUEUE} (service property, default 1024);
 * beyond that the oldest queued events of this notifier are dropped, counted and logged. Other
 * notifiers are not affected.</li>
 * <li><b>Failure.</b> An exception is logged and counted; the event is not redelivered by the core (a
 * notifier that wants retries, like the webhook, does them itself within its timeout).</li>
 * <li><b>Hot swap.</b> Events published while no notifier is registered are not replayed to a notifier
 * that registers later; removing a notifier loses no events for the others.</li>
 * </ul>
 */
@ConsumerType
public interface Notifier {

    /** Service property: display name. */
    String NAME = "halo.notifier.name";

    /** Service property: per-call timeout in milliseconds (Long or String). */
    String TIMEOUT_MS = "halo.notifier.timeout.ms";

    /** Service property: queue capacity (Integer or String). */
    String QUEUE = "halo.notifier.queue";

    /**
     * Delivers one event.
     *
     * @throws Exception any failure; logged and counted by the core
     */
    void notify(HaloEvent event) throws Exception;
}
