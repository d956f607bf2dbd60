package org.halo.status.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

import org.halo.status.api.StatusDumps;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** keepalived's dump signals, run by the launcher for {@code halo.signal=NAME} services. */
final class DumpOnSignal {
    private static final Logger LOG = System.getLogger(DumpOnSignal.class.getName());

    private DumpOnSignal() {
    }

    interface Dump {
        Path write() throws IOException;
    }

    static void run(String what, Dump dump) {
        try {
            LOG.log(Level.INFO, "Printing " + what + " to " + dump.write());
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot write " + what + ": " + e.getMessage());
        }
    }

    /** SIGUSR1: keepalived.data. */
    @Component(service = Runnable.class, property = "halo.signal=USR1")
    public static final class Data implements Runnable {
        private final StatusDumps dumps;

        @Activate
        public Data(@Reference StatusDumps dumps) {
            this.dumps = dumps;
        }

        @Override
        public void run() {
            DumpOnSignal.run("VRRP data", dumps::dumpData);
        }
    }

    /** SIGUSR2: keepalived.stats (not cleared, as keepalived without --signum=STATS_CLEAR). */
    @Component(service = Runnable.class, property = "halo.signal=USR2")
    public static final class Stats implements Runnable {
        private final StatusDumps dumps;

        @Activate
        public Stats(@Reference StatusDumps dumps) {
            this.dumps = dumps;
        }

        @Override
        public void run() {
            DumpOnSignal.run("VRRP stats", () -> dumps.dumpStats(false));
        }
    }
}
