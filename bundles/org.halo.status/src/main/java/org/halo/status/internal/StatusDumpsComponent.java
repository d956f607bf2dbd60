package org.halo.status.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

import org.halo.status.api.StatusDumps;
import org.halo.status.api.StatusSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Provides {@link StatusDumps} over the VRRP runtime's {@link StatusSource}. Formatting works on an
 * immutable snapshot, so the engine loop is never blocked by a dump.
 */
@Component(service = StatusDumps.class)
public final class StatusDumpsComponent implements StatusDumps {
    /** Framework property: directory of the dump files (keepalived writes to /tmp). */
    public static final String DIR_PROPERTY = "halo.status.dir";
    /** Framework property set by the launcher: the router id shown in the data file. */
    public static final String NAME_PROPERTY = "halo.name";

    private final StatusSource source;
    private final Path dir;
    private final String routerId;

    @Activate
    public StatusDumpsComponent(@Reference StatusSource source, BundleContext context) {
        this(source, Path.of(orDefault(context.getProperty(DIR_PROPERTY), "/tmp")), orDefault(context.getProperty(NAME_PROPERTY), ""));
    }

    StatusDumpsComponent(StatusSource source, Path dir, String routerId) {
        this.source = source;
        this.dir = dir;
        this.routerId = routerId;
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }

    @Override
    public Path dumpData() throws IOException {
        return DumpWriter.write(dir, "keepalived.data", DataFormat.format(routerId, source.instances(), source.groups(), ZoneId.systemDefault()));
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
        return DumpWriter.write(dir, "keepalived.json", JsonFormat.format(source.instances()));
    }
}
