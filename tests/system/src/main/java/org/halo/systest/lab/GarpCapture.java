package org.halo.systest.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tcpdump in the client namespace: gratuitous ARP (request who-has VIP tell VIP, or a reply for the
 * VIP) and IPv6 unsolicited neighbour advertisements, with kernel timestamps and the sender MAC.
 */
public final class GarpCapture implements AutoCloseable {
    /** One announcement seen on the wire. */
    public record Garp(long micros, String mac, String address) {
    }

    private static final Pattern TS_MAC = Pattern.compile("^(\\d+)\\.(\\d{6}) ([0-9a-f:]{17}) > ");
    private static final Pattern ARP_REQ = Pattern.compile("Request who-has (\\S+)(?: \\([0-9a-f:]+\\))? tell (\\S+),");
    private static final Pattern ARP_REPLY = Pattern.compile("Reply (\\S+) is-at ");
    private static final Pattern NA = Pattern.compile("neighbor advertisement, tgt is (\\S+),");
    private final List<Garp> seen = new ArrayList<>();
    private final LineProcess process;

    public GarpCapture(Lab lab) {
        process = new LineProcess(List.of("ip", "netns", "exec", lab.clientNs(), "tcpdump", "-i", "eth0", "-l", "-n", "-e", "-tt",
                "--time-stamp-precision=micro", "arp or (icmp6 and ip6[40] == 136)"), this::onLine);
        // tcpdump needs a moment to open the capture; a GARP before that would be missed
        Sh.sleep(300);
    }

    private void onLine(String line) {
        Matcher m = TS_MAC.matcher(line);
        if (!m.find()) {
            return;
        }
        long micros = Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2));
        String address = null;
        Matcher req = ARP_REQ.matcher(line);
        Matcher rep = ARP_REPLY.matcher(line);
        Matcher na = NA.matcher(line);
        if (req.find() && req.group(1).equals(req.group(2))) {
            address = req.group(1);
        } else if (rep.find() && line.contains("ff:ff:ff:ff:ff:ff")) {
            address = rep.group(1);
        } else if (na.find()) {
            address = na.group(1);
        }
        if (address != null) {
            synchronized (seen) {
                seen.add(new Garp(micros, m.group(3), address));
            }
        }
    }

    /** First announcement of the address after afterMicros from a MAC other than excludedMac. */
    public Optional<Garp> first(String address, long afterMicros, String excludedMac) {
        synchronized (seen) {
            return seen.stream().filter(g -> g.address().equals(address) && g.micros() >= afterMicros && !g.mac().equalsIgnoreCase(excludedMac)).findFirst();
        }
    }

    public Optional<Garp> await(String address, long afterMicros, String excludedMac, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            Optional<Garp> g = first(address, afterMicros, excludedMac);
            if (g.isPresent() || System.currentTimeMillis() > end) {
                return g;
            }
            Sh.sleep(10);
        }
    }

    public List<Garp> all() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
