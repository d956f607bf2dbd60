package org.halo.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.halo.api.notify.EventPublisher;
import org.halo.api.notify.HaloEvent;
import org.halo.api.notify.Notifier;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The event publisher: assigns sequence numbers and fans each event out to every notifier's own
 * bounded queue ({@link NotifierChannel}). A blocked notifier delays only itself.
 */
@Component(service = {EventPublisher.class, NotifierHost.class}, immediate = true)
public final class NotifierHost implements EventPublisher {

    static final long DEFAULT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_QUEUE = 1024;

    private final Map<Notifier, NotifierChannel> channels = new ConcurrentHashMap<>();
    private final Object publishLock = new Object();
    private long sequence;

    @Activate
    public NotifierHost() {
    }

    @Deactivate
    void close() {
        channels.values().forEach(NotifierChannel::close);
        channels.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier notifier, ServiceReference<Notifier> ref, Map<String, Object> props) {
        addNotifier(notifier, props, PluginInfo.factory(ref));
    }

    void addNotifier(Notifier notifier, Map<String, ?> props, PluginInfo.Factory info) {
        String name = Props.text(props, Notifier.NAME);
        if (name == null) {
            name = Props.text(props, "component.name");
        }
        if (name == null) {
            name = "notifier-" + Props.text(props, Constants.SERVICE_ID);
        }
        long timeoutMs = Props.integer(props, Notifier.TIMEOUT_MS, (int) DEFAULT_TIMEOUT_MS);
        int queue = Props.integer(props, Notifier.QUEUE, DEFAULT_QUEUE);
        NotifierChannel ch = new NotifierChannel(notifier, info.create("notifier", name, new PluginStats()),
                Duration.ofMillis(timeoutMs), queue);
        synchronized (publishLock) {
            channels.put(notifier, ch);
        }
    }

    void removeNotifier(Notifier notifier) {
        NotifierChannel ch;
        synchronized (publishLock) {
            ch = channels.remove(notifier);
        }
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public HaloEvent publish(HaloEvent event) {
        synchronized (publishLock) {
            HaloEvent numbered = event.withSequence(++sequence);
            for (NotifierChannel ch : channels.values()) {
                ch.offer(numbered);
            }
            return numbered;
        }
    }

    /** Live notifiers, for the shell. */
    public List<PluginInfo> notifiers() {
        return channels.values().stream().map(c -> c.info).toList();
    }
}
