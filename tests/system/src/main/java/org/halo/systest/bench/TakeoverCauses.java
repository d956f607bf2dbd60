package org.halo.systest.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.halo.systest.lab.AdvertCapture;
import org.halo.systest.lab.GcLog;
import org.halo.systest.lab.VipWatch;

/**
 * Why each takeover in a loss window happened, from the wire and the JVM's pause log. The loss is applied on
 * the bridge, so a node's own capture holds everything that node sent and only what was delivered to it.
 * Each side's wire is its capture, in time order. For a takeover by B from A at T (B's first advert as master, on B's wire):
 * <ul>
 * <li>{@code t_last}: A's last advert delivered to B; {@code gap = T - t_last};
 * <li>if {@code gap} is shorter than B's master-down interval (less 1 ms), B acted on an overdue timer while a
 * fresher advert was waiting: BACKUP_EARLY, or PAUSE_ON_BACKUP when B's JVM was stopped in the interval;
 * <li>else if A sent fewer adverts after {@code t_last} than it was due to send within B's master-down interval
 * ({@code floor(M / interval)}), A sent late: PAUSE_ON_MASTER when A's JVM was stopped during its longest
 * silence and without that stopped time the gap would have stayed under the master-down interval, else
 * MASTER_SEND_DELAY (scheduling);
 * <li>else A sent every advert it was due to and all were dropped: LOSS.
 * </ul>
 * The "no transition caused by a GC pause" is PAUSE_ON_MASTER + PAUSE_ON_BACKUP = 0.
 */
final class TakeoverCauses {
    enum Cause {
        LOSS, MASTER_SEND_DELAY, PAUSE_ON_MASTER, BACKUP_EARLY, PAUSE_ON_BACKUP, UNKNOWN
    }

    /** One node as the analysis needs it. */
    record Side(int index, String ip, int priority, List<AdvertCapture.Advert> wire, List<GcLog.Pause> pauses) {
        List<AdvertCapture.Advert> between(String source, long fromMicros, long toMicros) {
            return wire.stream().filter(x -> x.source().equals(source) && x.micros() >= fromMicros && x.micros() <= toMicros).toList();
        }

        Optional<AdvertCapture.Advert> lastFrom(String source, long atOrBeforeMicros) {
            return wire.stream().filter(x -> x.source().equals(source) && x.priority() > 0 && x.micros() <= atOrBeforeMicros)
                    .reduce((x, y) -> y);
        }
    }

    record Takeover(int node, long micros, Cause cause, String detail) {
    }

    private static final long TOLERANCE_MICROS = 1_000;
    /** The new master's own reaction time: an advert this close before its claim arrived after its timer ran out. */
    private static final long RACE_MICROS = 2_000;

    private TakeoverCauses() {
    }

    /** Classifies every VIP add in events; downMicros gives the master-down interval for a priority. */
    static List<Takeover> classify(List<VipWatch.Event> events, List<Side> sides, long intervalMicros,
            java.util.function.IntToLongFunction downMicros) {
        List<Takeover> out = new ArrayList<>();
        for (VipWatch.Event e : events) {
            if (!e.added()) {
                continue;
            }
            Side b = sides.stream().filter(s -> s.index() == e.node()).findFirst().orElseThrow();
            Side a = sides.stream().filter(s -> s.index() != e.node()).findFirst().orElseThrow();
            Takeover t = classify(e, a, b, intervalMicros, downMicros.applyAsLong(b.priority()));
            String held = events.stream().filter(x -> !x.added() && x.node() == e.node() && x.micros() >= e.micros()).findFirst()
                    .map(x -> String.format("; VIP held %.1f ms", (x.micros() - e.micros()) / 1000.0) + yielded(a, b, e, x))
                    .orElse("; VIP kept");
            out.add(new Takeover(t.node(), t.micros(), t.cause(), t.detail() + held));
        }
        return out;
    }

    /**
     * How the claimant let go: the first higher-priority advert delivered to it while it held the VIP, and how
     * long after that delivery its VIP went (the claimant's own reaction time, loss excluded).
     */
    private static String yielded(Side a, Side b, VipWatch.Event added, VipWatch.Event removed) {
        return b.between(a.ip(), added.micros() - 2_000, removed.micros()).stream().filter(x -> x.priority() > b.priority()).reduce((x, y) -> y)
                .map(x -> String.format(", the master's advert delivered %.2f ms before the VIP went", (removed.micros() - x.micros()) / 1000.0))
                .orElse(", no master advert delivered while held");
    }

    private static Takeover classify(VipWatch.Event e, Side a, Side b, long interval, long down) {
        // keepalived adds the VIP before its first advert as master, Halo just after: the advert that starts B's
        // run of adverts nearest the VIP add
        Optional<AdvertCapture.Advert> first = b.between(b.ip(), e.micros() - 50_000, e.micros() + 50_000).stream()
                .filter(x -> x.priority() > 0)
                .filter(x -> b.between(b.ip(), x.micros() - interval * 3 / 2, x.micros() - 1).isEmpty())
                .min(java.util.Comparator.comparingLong(x -> Math.abs(x.micros() - e.micros())));
        if (first.isEmpty()) {
            return new Takeover(b.index(), e.micros(), Cause.UNKNOWN, "no advert from the new master on its wire");
        }
        long t = first.get().micros();
        Optional<AdvertCapture.Advert> last = b.lastFrom(a.ip(), t - 1);
        if (last.isEmpty()) {
            return new Takeover(b.index(), t, Cause.UNKNOWN, "no advert from the master delivered before");
        }
        long delivered = last.get().micros();
        String race = "";
        if (t - delivered <= RACE_MICROS) {
            // an advert that arrives while the new master is already claiming (its timer had run out) raced the
            // deadline: judge the silence before it
            Optional<AdvertCapture.Advert> before = b.lastFrom(a.ip(), delivered - 1);
            if (before.isPresent() && t - before.get().micros() >= down - TOLERANCE_MICROS) {
                race = String.format(", an advert arrived %.2f ms before the claim (raced the deadline)", (t - delivered) / 1000.0);
                delivered = before.get().micros();
            }
        }
        final long tLast = delivered;
        long gap = t - tLast;
        List<Long> sent = new ArrayList<>(a.between(a.ip(), tLast - 2_000, t).stream().map(AdvertCapture.Advert::micros).toList());
        long dropped = sent.stream().filter(s -> s > tLast + 500).count();
        long sentInTime = sent.stream().filter(x -> x > tLast + 500 && x <= tLast + down).count();
        sent.add(t);
        long silence = 0;
        long silenceFrom = tLast;
        for (int i = 1; i < sent.size(); i++) {
            long d = sent.get(i) - sent.get(i - 1);
            if (d > silence) {
                silence = d;
                silenceFrom = sent.get(i - 1);
            }
        }
        // how the split ended: B's claim reaching A, A's next advert, B's VIP gone
        boolean claimDelivered = !a.between(b.ip(), t, t + 2_000).isEmpty();
        Optional<AdvertCapture.Advert> answer = a.between(a.ip(), t, t + 10 * interval).stream().findFirst();
        String detail = String.format("gap %.1f ms (master-down %.1f), master's adverts dropped %d, longest master silence %.1f ms;"
                + " claim %s, master's next advert after %s ms, VIP added %+.1f ms from the claim",
                gap / 1000.0, down / 1000.0, dropped, silence / 1000.0, claimDelivered ? "delivered" : "dropped",
                answer.map(x -> String.format("%.2f", (x.micros() - t) / 1000.0)).orElse("-"), (e.micros() - t) / 1000.0) + race;
        if (gap < down - TOLERANCE_MICROS) {
            long stopped = stoppedWithin(b.pauses(), t - down, t);
            return new Takeover(b.index(), t, stopped > 0 ? Cause.PAUSE_ON_BACKUP : Cause.BACKUP_EARLY,
                    detail + String.format(", backup stopped %.1f ms", stopped / 1000.0));
        }
        // every advert the master was due to send before B's deadline (floor(M / I) of them) was sent and
        // dropped: the loss alone explains the takeover, however late one of them left
        if (sentInTime < down / interval) {
            long stopped = stoppedWithin(a.pauses(), silenceFrom, silenceFrom + silence);
            boolean pauseNeeded = stopped > 0 && gap - stopped < down;
            return new Takeover(b.index(), t, pauseNeeded ? Cause.PAUSE_ON_MASTER : Cause.MASTER_SEND_DELAY,
                    detail + String.format(", master stopped %.1f ms in that silence", stopped / 1000.0));
        }
        return new Takeover(b.index(), t, Cause.LOSS, detail);
    }

    /** Microseconds of the window covered by pauses (merged; each widened by the log's 1 ms resolution). */
    static long stoppedWithin(List<GcLog.Pause> pauses, long from, long to) {
        List<long[]> spans = pauses.stream()
                .map(p -> new long[] {Math.max(from, p.startMicros() - TOLERANCE_MICROS), Math.min(to, p.endMicros() + TOLERANCE_MICROS)})
                .filter(s -> s[0] < s[1]).sorted((x, y) -> Long.compare(x[0], y[0])).toList();
        long total = 0;
        long reached = from;
        for (long[] s : spans) {
            long start = Math.max(s[0], reached);
            if (s[1] > start) {
                total += s[1] - start;
                reached = s[1];
            }
        }
        return total;
    }

    static Map<Cause, Long> count(List<Takeover> takeovers) {
        Map<Cause, Long> m = new EnumMap<>(Cause.class);
        for (Cause c : Cause.values()) {
            m.put(c, 0L);
        }
        takeovers.forEach(t -> m.merge(t.cause(), 1L, Long::sum));
        return m;
    }
}
