package org.halo.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * keepalived 2.2.7's command line ({@code keepalived --help}) plus Halo's own long options.
 * Parsing follows getopt_long: short flags may be grouped ({@code -nlD}), a required argument may be
 * attached ({@code -fFILE}) or separate, long options take {@code --opt=value} or {@code --opt value};
 * an optional argument ({@code -t[=LOG_FILE]}) must be attached.
 */
public final class Options {

    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** One recognised flag; {@code implemented=false} makes the launcher say so and exit non-zero. */
    record Flag(char shortName, String longName, Arg arg, boolean implemented, String help) {}

    static final List<Flag> FLAGS = List.of(
            new Flag('f', "use-file", Arg.REQUIRED, true, "Use the specified configuration file"),
            new Flag('P', "vrrp", Arg.NONE, true, "Only run with VRRP subsystem (runs the 'vrrp' feature)"),
            new Flag('C', "check", Arg.NONE, false, "Only run with Health-checker subsystem"),
            new Flag('B', "no_bfd", Arg.NONE, true, "Don't run BFD subsystem (Halo has none)"),
            new Flag('\0', "all", Arg.NONE, false, "Force all child processes to run"),
            new Flag('l', "log-console", Arg.NONE, true, "Log messages to local console"),
            new Flag('D', "log-detail", Arg.NONE, true, "Detailed log messages"),
            new Flag('S', "log-facility", Arg.REQUIRED, true, "Set syslog facility to LOG_LOCAL[0-7], user or daemon"),
            new Flag('G', "no-syslog", Arg.NONE, true, "Don't log via syslog"),
            new Flag('u', "umask", Arg.REQUIRED, false, "umask for file creation"),
            new Flag('X', "release-vips", Arg.NONE, false, "Drop VIP on transition from signal"),
            new Flag('V', "dont-release-vrrp", Arg.NONE, false, "Don't remove VRRP VIPs and VROUTEs on daemon stop"),
            new Flag('I', "dont-release-ipvs", Arg.NONE, false, "Don't remove IPVS topology on daemon stop"),
            new Flag('R', "dont-respawn", Arg.NONE, true, "Don't respawn child processes (Halo has none)"),
            new Flag('n', "dont-fork", Arg.NONE, true, "Don't fork the daemon process (Halo always runs in the foreground)"),
            new Flag('d', "dump-conf", Arg.NONE, true, "Dump the configuration data"),
            new Flag('p', "pid", Arg.REQUIRED, true, "Use specified pidfile for parent process"),
            new Flag('r', "vrrp_pid", Arg.REQUIRED, true, "Use specified pidfile for VRRP child process"),
            new Flag('T', "genhash", Arg.NONE, false, "Enter into genhash utility mode"),
            new Flag('c', "checkers_pid", Arg.REQUIRED, true, "Use specified pidfile for checkers child process"),
            new Flag('a', "address-monitoring", Arg.NONE, false, "Report all address additions/deletions notified via netlink"),
            new Flag('b', "bfd_pid", Arg.REQUIRED, true, "Use specified pidfile for BFD child process"),
            new Flag('x', "snmp", Arg.NONE, false, "Enable SNMP subsystem"),
            new Flag('A', "snmp-agent-socket", Arg.REQUIRED, false, "Use the specified socket for master agent"),
            new Flag('s', "namespace", Arg.REQUIRED, false, "Run in network namespace NAME (use 'ip netns exec NAME halo ...')"),
            new Flag('m', "core-dump", Arg.NONE, false, "Produce core dump if terminate abnormally"),
            new Flag('M', "core-dump-pattern", Arg.OPTIONAL, false, "Also set /proc/sys/kernel/core_pattern"),
            new Flag('e', "all-config", Arg.NONE, false, "Error if any configuration file missing"),
            new Flag('i', "config-id", Arg.REQUIRED, true, "Skip any configuration lines beginning '@' that don't match id"),
            new Flag('\0', "signum", Arg.REQUIRED, true, "Return signal number for STOP, RELOAD, DATA, STATS (STATS_CLEAR, JSON: see docs)"),
            new Flag('t', "config-test", Arg.OPTIONAL, true, "Check the configuration for obvious errors"),
            new Flag('v', "version", Arg.NONE, true, "Display the version number"),
            new Flag('h', "help", Arg.NONE, true, "Display this help message"),
            // Halo's own options: which daemon this is, where its files go, which feature it runs.
            new Flag('\0', "name", Arg.REQUIRED, true, "Daemon name: selects run dir, state dir, pid file and shell socket"),
            new Flag('\0', "run-dir", Arg.REQUIRED, true, "Per-daemon run directory (default /run/halo/NAME)"),
            new Flag('\0', "state-dir", Arg.REQUIRED, true, "Per-daemon state directory (default HALO_HOME/var/NAME)"),
            new Flag('\0', "deploy-dir", Arg.REQUIRED, true, "Watched deploy directory (default HALO_HOME/deploy)"),
            new Flag('\0', "feature", Arg.REQUIRED, true, "Feature to run from etc/features (default from etc/halo.properties)"));

    /** Thrown for a malformed command line; the launcher prints the message and usage, exit 1. */
    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** A flag seen on the command line with its argument (null when it takes none or none was given). */
    public record Seen(Flag flag, String value) {}

    private final List<Seen> seen;

    private Options(List<Seen> seen) {
        this.seen = List.copyOf(seen);
    }

    public static Options parse(String... args) throws UsageException {
        List<Seen> seen = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                if (i + 1 < args.length) {
                    throw new UsageException("unexpected argument '" + args[i + 1] + "'");
                }
                break;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Flag f = byLong(name);
                if (f.arg() == Arg.NONE && value != null) {
                    throw new UsageException("option '--" + name + "' doesn't allow an argument");
                }
                if (f.arg() == Arg.REQUIRED && value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option '--" + name + "' requires an argument");
                    }
                    value = args[++i];
                }
                seen.add(new Seen(f, value));
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    Flag f = byShort(a.charAt(j));
                    String rest = a.substring(j + 1);
                    if (f.arg() == Arg.NONE) {
                        seen.add(new Seen(f, null));
                        continue;
                    }
                    String value = rest.isEmpty() ? null : (rest.startsWith("=") ? rest.substring(1) : rest);
                    if (f.arg() == Arg.REQUIRED && value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("option requires an argument -- '" + f.shortName() + "'");
                        }
                        value = args[++i];
                    }
                    seen.add(new Seen(f, value));
                    break;
                }
            } else {
                throw new UsageException("unexpected argument '" + a + "'");
            }
        }
        return new Options(seen);
    }

    private static Flag byLong(String name) throws UsageException {
        List<Flag> matches = new ArrayList<>();
        for (Flag f : FLAGS) {
            if (f.longName().equals(name)) {
                return f;
            }
            if (f.longName().startsWith(name)) {
                matches.add(f); // getopt_long accepts unambiguous prefixes
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new UsageException(matches.isEmpty() ? "unrecognized option '--" + name + "'"
                : "option '--" + name + "' is ambiguous");
    }

    private static Flag byShort(char c) throws UsageException {
        for (Flag f : FLAGS) {
            if (f.shortName() == c) {
                return f;
            }
        }
        throw new UsageException("invalid option -- '" + c + "'");
    }

    public List<Seen> seen() {
        return seen;
    }

    public boolean has(String longName) {
        return seen.stream().anyMatch(s -> s.flag().longName().equals(longName));
    }

    /** Last value given for an option (getopt semantics: a later occurrence wins). */
    public Optional<String> value(String longName) {
        String v = null;
        for (Seen s : seen) {
            if (s.flag().longName().equals(longName) && s.value() != null) {
                v = s.value();
            }
        }
        return Optional.ofNullable(v);
    }

    public Optional<Path> path(String longName) {
        return value(longName).map(v -> Path.of(v).toAbsolutePath().normalize());
    }

    /** Recognised flags on this command line that Halo does not implement yet. */
    public List<Flag> unimplemented() {
        return seen.stream().map(Seen::flag).filter(f -> !f.implemented()).distinct().toList();
    }

    /** The usage text, laid out like keepalived's. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("Usage: halo [OPTION...]\n       halo shell [--name NAME | --run-dir DIR] [-c COMMAND]\n       halo demo [--signal KILL|TERM] [--version 2|3] [--advert SECONDS]\n");
        for (Flag f : FLAGS) {
            String left = (f.shortName() != '\0' ? "  -" + f.shortName() + ", " : "      ") + "--" + f.longName()
                    + switch (f.arg()) {
                        case NONE -> "";
                        case REQUIRED -> "=ARG";
                        case OPTIONAL -> "[=ARG]";
                    };
            sb.append(String.format("%-31s%s%s%n", left, f.help(), f.implemented() ? "" : " [not implemented in Halo]"));
        }
        return sb.toString();
    }
}
