package org.halo.systest.bench;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.halo.systest.lab.VipWatch;

/** Total time with more than one VIP holder, replayed from the address events of a window. */
final class SplitBrain {
    private SplitBrain() {
    }

    static double millis(Set<Integer> initial, List<VipWatch.Event> events, long fromMicros, long toMicros) {
        Set<Integer> holders = new HashSet<>(initial);
        long since = fromMicros;
        long total = 0;
        for (VipWatch.Event e : events.stream().sorted(Comparator.comparingLong(VipWatch.Event::micros)).toList()) {
            if (holders.size() > 1) {
                total += e.micros() - since;
            }
            if (e.added()) {
                holders.add(e.node());
            } else {
                holders.remove(e.node());
            }
            since = e.micros();
        }
        if (holders.size() > 1) {
            total += toMicros - since;
        }
        return total / 1000.0;
    }
}
