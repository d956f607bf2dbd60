package org.halo.host;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.halo.api.notify.EventPublisher;
import org.halo.api.notify.HaloEvent;
import org.halo.api.notify.Notifier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.condition.Condition;
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
 * while the daemon is still starting (until the launcher registers the condition {@value #STARTED_CONDITION},
 * at most {@link #STARTUP_REPLAY_NANOS})
 * the events are kept (bounded) and replayed to every notifier whose name is seen for the first time.
 * A notifier that is replaced (uninstalled and reinstalled, updated) has had them already, and one that
 * arrives once the daemon runs (hot deploy) gets only new events.
 */
@Component(service = {EventPublisher.class, NotifierHost.class}, immediate = true)
public final class NotifierHost implements EventPublisher {

    static final long DEFAULT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_QUEUE = 1024;
    static final long STARTUP_REPLAY_NANOS = 60_000_000_000L;
    static final int STARTUP_REPLAY_MAX = 256;

    private final Map<Notifier, NotifierChannel> channels = new ConcurrentHashMap<>();
    private final Object publishLock = new Object();
    private final ArrayDeque<HaloEvent> startupEvents = new ArrayDeque<>();
    private final Set<String> replayedTo = new HashSet<>();
    private final LongSupplier nanoClock;
    private final long activatedNanos;
    private final BundleContext context;
    /** The launcher's condition (org.halo.launcher.Appliance.STARTED_CONDITION): every feature bundle started. */
    static final String STARTED_CONDITION = "halo.started";
    private static final String STARTED_FILTER = "(&(objectClass=" + Condition.class.getName() + ")("
            + Condition.CONDITION_ID + "=" + STARTED_CONDITION + "))";
    private final ServiceListener startedListener = e -> {
        if (e.getType() == ServiceEvent.REGISTERED) {
            frameworkStarted();
        }
    };
    private volatile boolean frameworkStarting;
    private long sequence;

    @Activate
    public NotifierHost(BundleContext context) {
        this(System::nanoTime, context, startingUp(context));
    }

    /** Without a framework (tests): no start-up replay. */
    NotifierHost() {
        this(System::nanoTime, null, false);
    }

    NotifierHost(LongSupplier nanoClock, BundleContext context, boolean frameworkStarting) {
        this.nanoClock = nanoClock;
        this.activatedNanos = nanoClock.getAsLong();
        this.context = context;
        this.frameworkStarting = frameworkStarting;
        if (context != null && frameworkStarting) {
            try {
                context.addServiceListener(startedListener, STARTED_FILTER);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (!startingUp(context)) { // registered in between
                frameworkStarted();
            }
        }
    }

    /** The daemon has not finished starting its feature yet. */
    private static boolean startingUp(BundleContext context) {
        try {
            return context.getServiceReferences(Condition.class, "(" + Condition.CONDITION_ID + "=" + STARTED_CONDITION + ")")
                    .isEmpty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void frameworkStarted() {
        frameworkStarting = false;
        synchronized (publishLock) {
            startupEvents.clear();
        }
    }

    private boolean inStartupWindow() {
        return frameworkStarting && nanoClock.getAsLong() - activatedNanos < STARTUP_REPLAY_NANOS;
    }

    @Deactivate
    void close() {
        if (context != null) {
            try {
                context.removeServiceListener(startedListener);
            } catch (IllegalStateException stopping) {
                // the framework is going away
            }
        }
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
                if (replayedTo.add(name)) {
                    startupEvents.forEach(ch::offer);
                }
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
