package org.halo.notify.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code halo:webhooks}: per endpoint, events delivered, HTTP attempts, retries, failures, drops, queued. */
@Component(service = WebhookCommands.class,
        property = {"osgi.command.scope=halo", "osgi.command.function=webhooks"})
public final class WebhookCommands {

    private final List<WebhookNotifier> hooks = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHook(WebhookNotifier hook) {
        hooks.add(hook);
    }

    void removeHook(WebhookNotifier hook) {
        hooks.remove(hook);
    }

    public String webhooks() {
        StringBuilder out = new StringBuilder(String.format("%-48s %9s %9s %8s %7s %8s %6s%n", "URL", "DELIVERED",
                "ATTEMPTS", "RETRIED", "FAILED", "DROPPED", "QUEUED"));
        hooks.forEach(h -> out.append(h.describe()).append('\n'));
        return out.toString();
    }
}
