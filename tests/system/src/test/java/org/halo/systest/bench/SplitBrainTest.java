package org.halo.systest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.halo.systest.lab.VipWatch.Event;
import org.junit.jupiter.api.Test;

/** The two-master time the benchmark reports, replayed from address events (no root needed). */
class SplitBrainTest {
    @Test
    void countsOnlyIntervalsWithMoreThanOneHolder() {
        List<Event> events = List.of(new Event(1_000, 2, true, "v"), new Event(1_500, 2, false, "v"), // 0.5 ms overlap
                new Event(3_000, 1, false, "v"), new Event(3_200, 2, true, "v"), // hand-over without overlap
                new Event(9_000, 1, true, "v")); // overlap until the window ends
        assertEquals(0.5 + 1.0, SplitBrain.millis(Set.of(1), events, 0, 10_000), 1e-9);
    }

    @Test
    void unsortedEventsAndNoChange() {
        assertEquals(0, SplitBrain.millis(Set.of(1), List.of(), 0, 5_000));
        assertEquals(2.0, SplitBrain.millis(Set.of(1), List.of(new Event(4_000, 2, false, "v"), new Event(2_000, 2, true, "v")), 0, 5_000), 1e-9);
    }
}
