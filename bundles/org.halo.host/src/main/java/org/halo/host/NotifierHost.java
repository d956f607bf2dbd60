package org.halo.host;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

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
 *
 * <p>keepalived runs its notify scripts for the start-up transitions (INIT to BACKUP or MASTER). In a
 * framework the notifier bundles may activate a little after the VRRP runtime has published those, so
 * events of the first {@link #STARTUP_REPLAY_NANOS} after activation are kept (bounded) and replayed to
 * every notifier that arrives within that window. Later arrivals (hot swap) get only new events.
 */
@Component(service = {EventPublisher.class, NotifierHost.class}, immediate = true)
public final class NotifierHost implements EventPublisher {

    static final long DEFAULT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_QUEUE = 1024;
    static final long STARTUP_REPLAY_NANOS = 10_000_000_000L;
    static final int STARTUP_REPLAY_MAX = 256;

    private final Map<Notifier, NotifierChannel> channels = new ConcurrentHashMap<>();
    private final Object publishLock = new Object();
    private final ArrayDeque<HaloEvent> startupEvents = new ArrayDeque<>();
    private final LongSupplier nanoClock;
    private final long activatedNanos;
    private long sequence;

    @Activate
    public NotifierHost() {
        this(System::nanoTime);
    }

    NotifierHost(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.activatedNanos = nanoClock.getAsLong();
    }

    private boolean inStartupWindow() {
        return nanoClock.getAsLong() - activatedNanos < STARTUP_REPLAY_NANOS;
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
            if (inStartupWindow()) {
                startupEvents.forEach(ch::offer);
            } else {
                startupEvents.clear();
            }
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
            if (inStartupWindow()) {
                if (startupEvents.size() == STARTUP_REPLAY_MAX) {
                    startupEvents.pollFirst();
                }
                startupEvents.addLast(numbered);
            } else {
                startupEvents.clear();
            }
            return numbered;
        }
    }

    /** Live notifiers, for the shell. */
    public List<PluginInfo> notifiers() {
        return channels.values().stream().map(c -> c.info).toList();
    }
}
