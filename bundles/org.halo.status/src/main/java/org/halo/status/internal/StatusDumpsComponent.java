package org.halo.status.internal;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.halo.api.check.CheckRegistry;
import org.halo.status.api.StatusDumps;
import org.halo.status.api.StatusSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Provides {@link StatusDumps} over the VRRP runtime's {@link StatusSource}. Formatting works on an
 * immutable snapshot, so the engine loop is never blocked by a dump. The vrrp_script lines come from the
 * plug-in host's {@link CheckRegistry}, which is optional and may be updated at any time (a dump without
 * it has no "VRRP Scripts" section).
 */
@Component(service = StatusDumps.class, configurationPid = StatusDumpsComponent.GLOBAL_PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class StatusDumpsComponent implements StatusDumps {
    /** Framework property: directory of the dump files (keepalived writes to /tmp). */
    public static final String DIR_PROPERTY = "halo.status.dir";
    /** global_defs as the config bridge publishes it; its router_id is the data file's Router ID. */
    static final String GLOBAL_PID = "org.halo.global";

    private final StatusSource source;
    private final Path dir;
    private final Supplier<List<ScriptInfo>> scripts;
    private volatile String routerId;
    private volatile CheckRegistry checks;

    @Activate
    public StatusDumpsComponent(@Reference StatusSource source, BundleContext context, Map<String, Object> globalDefs) {
        this.source = source;
        this.dir = Path.of(orDefault(context.getProperty(DIR_PROPERTY), "/tmp"));
        this.routerId = routerId(globalDefs);
        this.scripts = this::registryScripts;
    }

    /** global_defs changed (a reload): only the router id is read. */
    @Modified
    void modified(Map<String, Object> globalDefs) {
        this.routerId = routerId(globalDefs);
    }

    /** keepalived 2.2.7: router_id if configured, else the host name (uname's nodename, no DNS). */
    static String routerId(Map<String, Object> globalDefs) {
        Object id = globalDefs == null ? null : globalDefs.get("router_id");
        if (id != null && !id.toString().isBlank()) {
            return id.toString().strip();
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    StatusDumpsComponent(StatusSource source, Path dir, String routerId, Supplier<List<ScriptInfo>> scripts) {
        this.source = source;
        this.dir = dir;
        this.routerId = routerId;
        this.scripts = scripts;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setChecks(CheckRegistry registry) {
        this.checks = registry;
    }

    void unsetChecks(CheckRegistry registry) {
        if (checks == registry) {
            checks = null;
        }
    }

    private List<ScriptInfo> registryScripts() {
        CheckRegistry r = checks;
        if (r == null) {
            return List.of();
        }
        try {
            return r.statuses().stream().map(ScriptInfo::of).flatMap(Optional::stream).sorted(Comparator.comparing(ScriptInfo::name)).toList();
        } catch (RuntimeException e) {
            // the host is being replaced: the dump goes out without the scripts rather than not at all
            return List.of();
        }
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }

    /** The interface index keepalived shows with the IPv6 multicast group (0 when the interface is gone). */
    static int ifindex(String name) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(name);
            return ni == null ? 0 : ni.getIndex();
        } catch (SocketException e) {
            return 0;
        }
    }

    @Override
    public Path dumpData() throws IOException {
        var ctx = new DataFormat.Context(routerId, scripts.get(), ZoneId.systemDefault(), StatusDumpsComponent::ifindex);
        return DumpWriter.write(dir, "keepalived.data", DataFormat.format(ctx, source.instances(), source.groups()));
    }

    @Override
    public Path dumpStats(boolean clear) throws IOException {
        Path p = DumpWriter.write(dir, "keepalived.stats", StatsFormat.format(source.instances()));
        if (clear) {
            source.clearStats();
        }
        return p;
    }

    @Override
    public Path dumpJson() throws IOException {
        Map<String, String> commands = scripts.get().stream().collect(Collectors.toMap(ScriptInfo::name, ScriptInfo::command, (a, b) -> a));
        return DumpWriter.write(dir, "keepalived.json", JsonFormat.format(source.instances(), commands));
    }
}
