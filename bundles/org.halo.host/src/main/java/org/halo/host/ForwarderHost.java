package org.halo.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.halo.api.forward.Forwarder;
import org.halo.api.forward.ForwardingControl;
import org.halo.api.forward.ForwardingTable;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Holds the desired table per forwarder name and reconciles every live forwarder of that name when the
 * table changes or the forwarder (re)appears. A forwarder that goes away is simply forgotten: the data
 * plane stays as it is.
 */
@Component(service = {ForwardingControl.class, ForwarderHost.class}, immediate = true)
public final class ForwarderHost implements ForwardingControl {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, ForwardingTable> desired = new ConcurrentHashMap<>();
    private final Map<String, ForwardingTable> actual = new ConcurrentHashMap<>();
    private final Map<Forwarder, ForwarderChannel> channels = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Duration firstBackoff;

    @Activate
    public ForwarderHost() {
        this(TIMEOUT, Duration.ofSeconds(1));
    }

    ForwarderHost(Duration timeout, Duration firstBackoff) {
        this.timeout = timeout;
        this.firstBackoff = firstBackoff;
    }

    @Deactivate
    void close() {
        channels.values().forEach(ForwarderChannel::close);
        channels.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Forwarder.NAME + "=*)")
    void addForwarder(Forwarder forwarder, ServiceReference<Forwarder> ref, Map<String, Object> props) {
        addForwarder(forwarder, props, PluginInfo.factory(ref));
    }

    void addForwarder(Forwarder forwarder, Map<String, ?> props, PluginInfo.Factory info) {
        String name = Props.text(props, Forwarder.NAME);
        ForwarderChannel ch = new ForwarderChannel(forwarder, info.create("forwarder", name, new PluginStats()),
                () -> desired.get(name), t -> actual.put(name, t), timeout, firstBackoff);
        channels.put(forwarder, ch);
        ch.kick(); // (re)appearance: reconcile with what is desired now
    }

    void removeForwarder(Forwarder forwarder) {
        ForwarderChannel ch = channels.remove(forwarder);
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public void setDesired(String forwarder, ForwardingTable table) {
        desired.put(forwarder, table);
        channels.values().stream().filter(c -> c.info.name().equals(forwarder)).forEach(ForwarderChannel::kick);
    }

    @Override
    public Optional<ForwardingTable> desired(String forwarder) {
        return Optional.ofNullable(desired.get(forwarder));
    }

    @Override
    public Optional<ForwardingTable> actual(String forwarder) {
        return Optional.ofNullable(actual.get(forwarder));
    }

    /** Live forwarders, for the shell. */
    public List<PluginInfo> forwarders() {
        return channels.values().stream().map(c -> c.info).toList();
    }
}
