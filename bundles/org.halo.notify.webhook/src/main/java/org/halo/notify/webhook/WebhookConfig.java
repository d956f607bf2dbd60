package org.halo.notify.webhook;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One webhook endpoint: factory PID {@code org.halo.notify.webhook}, e.g. a {@code .cfg} in deploy/.
 * The HMAC key is the private property {@code .secret} (leading dot: Configuration Admin private
 * property, so it is never copied into the service registry).
 */
@ObjectClassDefinition(name = "Halo webhook notifier")
public @interface WebhookConfig {

    @AttributeDefinition(description = "http:// or https:// URL the JSON events are POSTed to")
    String url();

    @AttributeDefinition(description = "Per-request timeout in milliseconds")
    long timeout_ms() default 5000;

    @AttributeDefinition(description = "Retries after a failed attempt (network error, timeout, 408, 429, 5xx)")
    int retries() default 3;

    @AttributeDefinition(description = "First back-off in milliseconds; doubles per retry")
    long backoff_ms() default 500;

    @AttributeDefinition(description = "Longest back-off in milliseconds")
    long backoff_max_ms() default 30000;

    @AttributeDefinition(description = "Events held while the endpoint is slow; beyond this the oldest is dropped")
    int queue() default 1000;

    @AttributeDefinition(description = "Node name sent in each event (default: host name)")
    String node() default "";
}
