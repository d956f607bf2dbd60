package org.halo.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes {@code System.Logger} (JUL-backed in the JDK) the way keepalived logs: {@code -l} to the console
 * in keepalived's format; otherwise to syslog, unless {@code -G}. Syslog goes through util-linux
 * {@code logger --prio-prefix} (a child fed one {@code <PRI>message} line per record), because Java 17
 * has no Unix datagram sockets to write {@code /dev/log} directly.
 */
final class Logging implements AutoCloseable {

    private final Process syslog;

    private Logging(Process syslog) {
        this.syslog = syslog;
    }

    static Logging install(boolean console, boolean detail, boolean noSyslog, String facility) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        // -D: Halo's own detail; libraries stay at INFO.
        Logger.getLogger("org.halo").setLevel(detail ? Level.FINE : Level.INFO);
        List<Handler> targets = new ArrayList<>();
        if (console) {
            Handler h = new ConsoleHandler(); // stderr, like keepalived's console log
            h.setFormatter(new KeepalivedFormatter());
            h.setLevel(Level.ALL);
            targets.add(h);
        }
        Process syslog = null;
        String syslogProblem = null;
        if (!noSyslog) {
            try {
                syslog = new ProcessBuilder("logger", "--prio-prefix", "-t", "Halo[" + ProcessHandle.current().pid() + "]")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                targets.add(new SyslogHandler(syslog.getOutputStream(), facilityCode(facility)));
            } catch (IOException e) {
                if (!console) {
                    Handler h = new ConsoleHandler();
                    h.setFormatter(new KeepalivedFormatter());
                    targets.add(h);
                }
                syslogProblem = "syslog unavailable (" + e.getMessage() + "); logging to the console";
            }
        }
        if (!targets.isEmpty()) {
            root.addHandler(new AsyncHandler(targets));
        }
        if (syslogProblem != null) {
            root.warning(syslogProblem);
        }
        return new Logging(syslog);
    }

    /** keepalived -S: 0-7 mean local0..local7; also "localN", "user", "daemon" (the default). */
    static int facilityCode(String s) {
        if (s == null || s.equals("daemon")) {
            return 3;
        }
        if (s.equals("user")) {
            return 1;
        }
        String n = s.startsWith("local") ? s.substring(5) : s;
        if (n.matches("[0-7]")) {
            return 16 + Integer.parseInt(n);
        }
        throw new IllegalArgumentException("invalid log facility '" + s + "'");
    }

    static int severity(Level l) {
        int v = l.intValue();
        return v >= Level.SEVERE.intValue() ? 3 : v >= Level.WARNING.intValue() ? 4 : v >= Level.INFO.intValue() ? 6 : 7;
    }

    @Override
    public void close() {
        for (Handler h : List.of(Logger.getLogger("").getHandlers())) {
            h.flush();
            h.close();
        }
        if (syslog != null) {
            try {
                syslog.getOutputStream().close();
                if (!syslog.waitFor(2, TimeUnit.SECONDS)) {
                    syslog.destroy();
                    syslog.waitFor(2, TimeUnit.SECONDS);
                }
            } catch (IOException | InterruptedException e) {
                syslog.destroyForcibly();
            }
        }
    }

    private static final class SyslogHandler extends StreamHandler {
        private final PrintStream out;
        private final int facility;

        SyslogHandler(OutputStream out, int facility) {
            this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            this.facility = facility;
            setFormatter(new Formatter() {
                @Override
                public String format(LogRecord r) {
                    return formatMessage(r);
                }
            });
        }

        @Override
        public synchronized void publish(LogRecord r) {
            if (!isLoggable(r)) {
                return;
            }
            int pri = facility * 8 + severity(r.getLevel());
            for (String line : getFormatter().format(r).split("\n")) {
                out.println("<" + pri + ">" + line);
            }
        }

        @Override
        public synchronized void flush() {
            out.flush();
        }

        @Override
        public synchronized void close() {
            out.flush();
        }
    }
}
