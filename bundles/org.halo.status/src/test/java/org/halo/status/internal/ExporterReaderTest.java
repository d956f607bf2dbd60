package org.halo.status.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.halo.status.api.InstanceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An exporter reading Halo's files gets what it gets from keepalived's files for the same state. */
class ExporterReaderTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sameFieldsFromHaloAndKeepalived(int node) throws IOException {
        String dir = "pair/n" + node + "/";
        var theirsData = ExporterReader.data(PairSnapshots.golden(dir + "keepalived.data"));
        var oursData = ExporterReader.data(PairSnapshots.data(node));
        assertEquals(List.of("VI_1", "VI_6", "VI_U"), List.copyOf(theirsData.keySet()));
        assertEquals(theirsData, oursData);
        assertEquals(node == 1 ? 2 : 1, oursData.get("VI_6").state());
        assertEquals(List.of("fd77::100/64|eth0"), oursData.get("VI_6").vips());

        var theirsScripts = ExporterReader.scripts(PairSnapshots.golden(dir + "keepalived.data"));
        assertEquals(List.of(new ExporterReader.Script("chk_up", "GOOD", "idle")), theirsScripts);
        assertEquals(theirsScripts, ExporterReader.scripts(PairSnapshots.data(node)));

        var theirsStats = ExporterReader.stats(PairSnapshots.golden(dir + "keepalived.stats"));
        assertEquals(theirsStats, ExporterReader.stats(StatsFormat.format(PairSnapshots.instances(node))));
        theirsStats.values().forEach(c -> assertEquals(ExporterReader.COUNTERS.size(), c.size()));

        Map<String, Map<String, Long>> theirsJsonStats = new LinkedHashMap<>();
        Map<String, Map<String, Long>> oursJsonStats = new LinkedHashMap<>();
        var theirsJson = ExporterReader.json(PairSnapshots.golden(dir + "keepalived.json"), theirsJsonStats);
        assertEquals(theirsJson, ExporterReader.json(JsonFormat.format(PairSnapshots.instances(node), PairSnapshots.scriptCommands()), oursJsonStats));
        assertEquals(theirsJsonStats, oursJsonStats);
        // the text and JSON routes of the exporter agree with each other as well
        assertEquals(theirsData, theirsJson);
        assertEquals(theirsStats, theirsJsonStats);
    }

    @Test
    void aStoppedInstanceStillReadsAsAStateTheExporterKnows() {
        InstanceStatus stopped = PairSnapshots.instances(2).get(0);
        stopped = new InstanceStatus(stopped.name(), stopped.vrid(), stopped.version(), stopped.ipv6(), stopped.interfaceName(), "", "STOP", "STOP",
                stopped.basePriority(), stopped.effectivePriority(), 0, 1, 1, "", stopped.sourceAddress(), List.of(), false, 0, true, 0, "",
                stopped.vips(), false, "", stopped.lastTransitionEpochSec(), stopped.masterDownMicros(), stopped.garp(), stopped.counters());
        String data = DataFormat.format("n2", List.of(stopped), List.of(), PairSnapshots.ZONE);
        assertEquals(0, ExporterReader.data(data).get("VI_1").state());
        assertTrue(JsonFormat.format(List.of(stopped)).contains("\"state\":0,\"wantstate\":0"));
    }

    @Test
    void theReaderRejectsWhatTheExporterRejects() {
        String bad = PairSnapshots.data(1).replaceFirst("State = MASTER", "State = STOP");
        assertThrows(IllegalArgumentException.class, () -> ExporterReader.data(bad));
        assertFalse(ExporterReader.data(PairSnapshots.data(1)).isEmpty());
    }
}
