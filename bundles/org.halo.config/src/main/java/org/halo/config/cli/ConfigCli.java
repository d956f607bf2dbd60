package org.halo.config.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.halo.config.ConfigLoader;
import org.halo.config.LoadResult;
import org.halo.config.diag.Diagnostic;

/**
 * Entry points for the launcher's {@code -t} (config test) and {@code -d} (dump) flags. Works on a plain class
 * path: no OSGi service is needed for parsing.
 */
public final class ConfigCli {
    private ConfigCli() {
    }

    /**
     * Parses {@code file} as keepalived 2.2.7's {@code keepalived -t -f FILE -i configId} would, prints every
     * diagnostic to {@code out} in keepalived's wording and returns keepalived's {@code -t} exit code:
     * 0 ok, 4 fatal, 5 errors but runnable, 6 script security violation.
     *
     * @param configId the {@code -i} value, or null for the default (host name without its domain)
     */
    public static int configTest(Path file, String configId, PrintStream out) {
        LoadResult r = ConfigLoader.load(file, configId);
        for (Diagnostic d : r.diagnostics().all()) {
            out.println(d.format());
        }
        if (r.diagnostics().dropped() > 0) {
            out.println("(" + r.diagnostics().dropped() + " further problems not shown)");
        }
        return r.diagnostics().exitCode();
    }

    /** Stand-alone use: {@code java -cp org.halo.config.jar org.halo.config.cli.ConfigCli [-d] [-i ID] FILE}. */
    public static void main(String[] args) {
        boolean dump = false;
        String id = null;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if ("-d".equals(args[i])) {
                dump = true;
            } else if ("-i".equals(args[i]) && i + 1 < args.length) {
                id = args[++i];
            } else {
                file = args[i];
            }
        }
        if (file == null) {
            System.err.println("usage: ConfigCli [-d] [-i config-id] FILE");
            System.exit(1);
        }
        Path p = Path.of(file);
        System.exit(dump ? dumpConfig(p, id, System.out) : configTest(p, id, System.err));
    }

    /**
     * Prints the effective configuration (after includes, conditionals, parameters and defaults) to {@code out},
     * followed by the diagnostics. Returns the same code as {@link #configTest}.
     */
    public static int dumpConfig(Path file, String configId, PrintStream out) {
        LoadResult r = ConfigLoader.load(file, configId);
        out.print(r.dump());
        for (Diagnostic d : r.diagnostics().all()) {
            out.println(d.format());
        }
        return r.diagnostics().exitCode();
    }
}
