package org.halo.systest.lab;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ip -ts -n NS monitor address} in every node: the timeline of VIP additions and removals
 * with userspace timestamps (usually within 1 ms of the kernel event).
 */
public final class VipWatch implements AutoCloseable {
    /** One address event in a node. */
    public record Event(long micros, int node, boolean added, String address) {
    }

    private static final Pattern LINE = Pattern.compile("^\\[(\\S+)\\] (Deleted )?\\d+: \\S+\\s+inet6? (\\S+?)/\\d+");
    private final List<Event> events = new ArrayList<>();
    private final List<LineProcess> monitors = new ArrayList<>();

    public VipWatch(Lab lab) {
        for (Lab.Node node : lab.nodes()) {
            monitors.add(new LineProcess(List.of("ip", "-ts", "-n", node.ns(), "monitor", "address"), line -> onLine(node.index(), line)));
        }
        Sh.sleep(100);
    }

    private void onLine(int node, String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return;
        }
        LocalDateTime t = LocalDateTime.parse(m.group(1));
        var instant = t.atZone(ZoneId.systemDefault()).toInstant();
        long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
        synchronized (events) {
            events.add(new Event(micros, node, m.group(2) == null, m.group(3)));
        }
    }

    /** First addition of the address after afterMicros on a node other than excludedNode. */
    public Optional<Event> firstAdd(String address, long afterMicros, int excludedNode) {
        synchronized (events) {
            return events.stream().filter(e -> e.added() && e.address().equals(address) && e.micros() >= afterMicros && e.node() != excludedNode).findFirst();
        }
    }

    public Optional<Event> awaitAdd(String address, long afterMicros, int excludedNode, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            Optional<Event> e = firstAdd(address, afterMicros, excludedNode);
            if (e.isPresent() || System.currentTimeMillis() > end) {
                return e;
            }
            Sh.sleep(10);
        }
    }

    /** Every event for the address between two instants. */
    public List<Event> between(String address, long fromMicros, long toMicros) {
        synchronized (events) {
            return events.stream().filter(e -> e.address().equals(address) && e.micros() >= fromMicros && e.micros() <= toMicros).toList();
        }
    }

    @Override
    public void close() {
        monitors.forEach(LineProcess::close);
    }
}
