package org.halo.systest.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tcpdump of VRRP (IP protocol 112) in one node's namespace, with kernel timestamps: the adverts as the
 * receiving node sees them on its interface (before its nftables input hook, so also those the loss rule
 * drops). The benchmark uses it to signal the master at a fixed phase after one of its adverts and to
 * time the priority-0 advert a SIGTERM produces. Immediate mode: without it libpcap hands packets over in
 * blocks, milliseconds late, and the harness could not aim at a 5 ms phase of a 10 ms advert.
 */
public final class AdvertCapture implements AutoCloseable {
    /** One advert seen on the wire. */
    public record Advert(long micros, String source, int priority) {
    }

    private static final int KEEP = 50_000;
    private static final Pattern LINE = Pattern.compile("^(\\d+)\\.(\\d{6}) IP (\\S+) > \\S+: VRRPv\\d, Advertisement, vrid \\d+, prio (\\d+)");
    private final Deque<Advert> seen = new ArrayDeque<>();
    private final LineProcess process;

    public AdvertCapture(Lab lab, Lab.Node node) {
        process = new LineProcess(List.of("ip", "netns", "exec", node.ns(), "tcpdump", "-i", "eth0", "-l", "-n", "-tt",
                "--time-stamp-precision=micro", "--immediate-mode", "-B", "4096", "ip proto 112"), this::onLine);
        Sh.sleep(300); // tcpdump needs a moment to open the capture
    }

    private void onLine(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return;
        }
        Advert a = new Advert(Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2)), m.group(3), Integer.parseInt(m.group(4)));
        synchronized (seen) {
            seen.addLast(a);
            if (seen.size() > KEEP) {
                seen.removeFirst();
            }
            seen.notifyAll();
        }
    }

    /** Waits for the first advert from source with a timestamp at or after afterMicros (and priority > 0). */
    public Optional<Advert> awaitFrom(String source, long afterMicros, long millis) {
        long end = System.currentTimeMillis() + millis;
        synchronized (seen) {
            while (true) {
                Optional<Advert> a = first(source, afterMicros, false);
                long left = end - System.currentTimeMillis();
                if (a.isPresent() || left <= 0) {
                    return a;
                }
                try {
                    seen.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    private Optional<Advert> first(String source, long afterMicros, boolean priorityZero) {
        for (Advert a : seen) {
            if (a.micros() >= afterMicros && a.source().equals(source) && (a.priority() == 0) == priorityZero) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The last advert (priority > 0) from source at or before the instant. */
    public Optional<Advert> lastFrom(String source, long atOrBeforeMicros) {
        synchronized (seen) {
            Advert best = null;
            for (Advert a : seen) {
                if (a.micros() > atOrBeforeMicros) {
                    break;
                }
                if (a.source().equals(source) && a.priority() > 0) {
                    best = a;
                }
            }
            return Optional.ofNullable(best);
        }
    }

    /** Waits for the first priority-0 advert from source after the instant. */
    public Optional<Advert> awaitPriorityZero(String source, long afterMicros, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            Optional<Advert> a;
            synchronized (seen) {
                a = first(source, afterMicros, true);
            }
            if (a.isPresent() || System.currentTimeMillis() > end) {
                return a;
            }
            Sh.sleep(5);
        }
    }

    /** Every advert kept so far, in capture order. */
    public List<Advert> all() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    /** Adverts from source between two instants (the master's send intervals: jitter). */
    public List<Advert> between(String source, long fromMicros, long toMicros) {
        synchronized (seen) {
            List<Advert> out = new ArrayList<>();
            for (Advert a : seen) {
                if (a.micros() >= fromMicros && a.micros() <= toMicros && a.source().equals(source)) {
                    out.add(a);
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
