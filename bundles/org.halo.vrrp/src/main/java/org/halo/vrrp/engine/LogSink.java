package org.halo.vrrp.engine;

/**
 * Receives the engine's log lines, worded exactly as keepalived 2.2.7 writes them (e.g. {@code (VI_1)
 * Entering MASTER STATE}). Called on the engine loop; implementations must not block.
 */
@FunctionalInterface
public interface LogSink {

    /** Severity, mapped to syslog levels by the host. */
    enum Level {
        ERROR, WARNING, INFO, DEBUG
    }

    void log(Level level, String message);

    /** The default sink: {@link System.Logger} named {@code org.halo.vrrp}. */
    static LogSink systemLogger() {
        System.Logger logger = System.getLogger("org.halo.vrrp");
        return (level, message) -> logger.log(switch (level) {
            case ERROR -> System.Logger.Level.ERROR;
            case WARNING -> System.Logger.Level.WARNING;
            case INFO -> System.Logger.Level.INFO;
            case DEBUG -> System.Logger.Level.DEBUG;
        }, message);
    }
}
