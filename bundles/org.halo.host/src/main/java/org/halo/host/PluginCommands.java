package org.halo.host;

import java.util.ArrayList;
import java.util.List;

import org.halo.api.check.CheckStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands in scope {@code halo}: {@code halo:plugins}, {@code halo:checkers},
 * {@code halo:notifiers}, {@code halo:forwarders} list the live plug-ins with bundle, version and call
 * counters; {@code halo:checks} lists the configured checks and their health; {@code halo:checkloop}
 * prints how late the check loop started probes (max/mean lateness).
 */
@Component(service = PluginCommands.class, property = {
    "osgi.command.scope=halo",
    "osgi.command.function=plugins",
    "osgi.command.function=checkers",
    "osgi.command.function=notifiers",
    "osgi.command.function=forwarders",
    "osgi.command.function=checks",
    "osgi.command.function=checkloop"
})
public final class PluginCommands {

    private final CheckEngine checks;
    private final NotifierHost notifiers;
    private final ForwarderHost forwarders;

    @Activate
    public PluginCommands(@Reference CheckEngine checks, @Reference NotifierHost notifiers,
            @Reference ForwarderHost forwarders) {
        this.checks = checks;
        this.notifiers = notifiers;
        this.forwarders = forwarders;
    }

    public String plugins() {
        List<PluginInfo> all = new ArrayList<>(checks.checkers());
        all.addAll(notifiers.notifiers());
        all.addAll(forwarders.forwarders());
        return table(all);
    }

    public String checkers() {
        return table(checks.checkers());
    }

    public String notifiers() {
        return table(notifiers.notifiers());
    }

    public String forwarders() {
        return table(forwarders.forwarders());
    }

    public String checks() {
        StringBuilder out = new StringBuilder(String.format("%-40s %-12s %-8s %-10s %8s %8s %8s %6s%n",
                "ID", "TYPE", "HEALTH", "CHECKER", "PROBES", "FAILED", "TIMEOUT", "WEIGHT"));
        checks.statuses().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(s -> out.append(row(s)));
        return out.toString();
    }

    /** How late the check loop started scheduled probes: the host's own scheduling gaps. */
    public String checkloop() {
        LoopLateness l = checks.lateness();
        return String.format("check loop: %d starts, lateness max %d us, mean %d us%n", l.count(), l.maxMicros(),
                l.meanMicros());
    }

    /** {@code halo:checkloop reset} prints and then clears the lateness figures. */
    public String checkloop(String action) {
        String out = checkloop();
        if ("reset".equals(action)) {
            checks.lateness().reset();
        }
        return out;
    }

    private static String row(CheckStatus s) {
        return String.format("%-40s %-12s %-8s %-10s %8d %8d %8d %6s%n", s.id(), s.target().type(), s.health(),
                s.checkerAvailable() ? "present" : "no checker", s.probes(), s.failures(), s.timeouts(),
                s.dynamicWeight() < 0 ? "-" : Integer.toString(s.dynamicWeight()));
    }

    static String table(List<PluginInfo> infos) {
        StringBuilder out = new StringBuilder(String.format("%-9s %-24s %-32s %-16s %5s %8s %8s %8s %6s%n",
                "KIND", "NAME", "BUNDLE", "VERSION", "SID", "CALLS", "FAILED", "TIMEOUT", "DROPS"));
        for (PluginInfo i : infos) {
            PluginStats.Snapshot s = i.stats().snapshot();
            out.append(String.format("%-9s %-24s %-32s %-16s %5d %8d %8d %8d %6d%n", i.kind(), i.name(), i.bundle(),
                    i.version(), i.serviceId(), s.calls(), s.failures(), s.timeouts(), s.drops()));
        }
        return out.toString();
    }
}
