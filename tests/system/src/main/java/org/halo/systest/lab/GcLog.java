package org.halo.systest.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stop-the-world pauses from the unified JVM log the benchmark asks Halo's JVMs to write
 * ({@code -Xlog:gc,safepoint:file=DIR/NODE-gc-%p.log:timemillis}, one file per JVM start): every safepoint
 * (GC or not) with its total stopped time, time to reach it included. A line is written when the pause ends,
 * so a pause covers [timestamp - duration, timestamp]; the timestamp has millisecond resolution.
 */
public final class GcLog {
    /** One stop-the-world GC pause, epoch microseconds. */
    public record Pause(long startMicros, long endMicros, String node) {
        public double millis() {
            return (endMicros - startMicros) / 1000.0;
        }

        public boolean overlaps(long fromMicros, long toMicros) {
            return startMicros <= toMicros && endMicros >= fromMicros;
        }
    }

    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+)ms\\].*GC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms\\s*$");
    private static final Pattern SAFEPOINT = Pattern.compile("^\\[(\\d+)ms\\] Safepoint .*Total: (\\d+) ns");

    private GcLog() {
    }

    /** The -Xlog option that writes a node's GC log into dir. */
    public static String option(Path dir, String node) {
        return "-Xlog:gc,safepoint:file=" + dir.resolve(node + "-gc-%p.log") + ":timemillis";
    }

    /** Every pause in the node's GC logs in dir. */
    public static List<Pause> pauses(Path dir, String node) {
        List<Pause> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().startsWith(node + "-gc-"))::iterator) {
                List<String> lines = Files.readAllLines(f);
                // a log with safepoint lines has each GC pause in them too, time to reach it included: count it once
                boolean safepoints = lines.stream().anyMatch(l -> SAFEPOINT.matcher(l).find());
                for (String line : lines) {
                    Matcher m = SAFEPOINT.matcher(line);
                    if (m.find()) {
                        long end = Long.parseLong(m.group(1)) * 1000L;
                        out.add(new Pause(end - Long.parseLong(m.group(2)) / 1000L, end, node));
                        continue;
                    }
                    m = PAUSE.matcher(line);
                    if (!safepoints && m.find()) {
                        long end = Long.parseLong(m.group(1)) * 1000L;
                        long dur = Math.round(Double.parseDouble(m.group(2)) * 1000.0);
                        out.add(new Pause(end - dur, end, node));
                    }
                }
            }
        } catch (IOException e) {
            // no log: nothing to report
        }
        return out;
    }
}
