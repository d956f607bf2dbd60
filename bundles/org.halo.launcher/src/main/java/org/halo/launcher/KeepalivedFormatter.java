package org.halo.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * keepalived's console line ({@code keepalived -l}): {@code "Mon Nov 23 20:09:09 2026: message"}, i.e.
 * strftime {@code "%a %b %e %T %Y"} then ": " (seen with keepalived 2.2.7 {@code -n -l -D}). Levels are not
 * printed, as keepalived prints none on the console.
 */
public final class KeepalivedFormatter extends Formatter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord r) {
        StringBuilder sb = new StringBuilder(TIME.format(r.getInstant())).append(": ").append(formatMessage(r));
        if (r.getThrown() != null) {
            StringWriter sw = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(sw));
            sb.append(System.lineSeparator()).append(sw.toString().stripTrailing());
        }
        return sb.append(System.lineSeparator()).toString();
    }
}
