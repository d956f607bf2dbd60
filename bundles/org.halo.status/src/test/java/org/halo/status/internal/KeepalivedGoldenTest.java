package org.halo.status.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Halo's three dump formats for the state keepalived 2.2.7 was in (PairSnapshots) against the files that
 * keepalived wrote: stats and JSON byte for byte, the data file section by section and line by line after
 * removing only what DataLayout documents as absent from Halo.
 */
class KeepalivedGoldenTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void statsByteForByte(int node) throws IOException {
        assertEquals(PairSnapshots.golden("pair/n" + node + "/keepalived.stats"), StatsFormat.format(PairSnapshots.instances(node)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void jsonByteForByte(int node) throws IOException {
        assertEquals(PairSnapshots.golden("pair/n" + node + "/keepalived.json").strip(), JsonFormat.format(PairSnapshots.instances(node), PairSnapshots.scriptCommands()).strip());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void extrasAllThreeFiles(int node) throws IOException {
        String dir = "extras/n" + node + "/";
        assertEquals(PairSnapshots.golden(dir + "keepalived.stats"), StatsFormat.format(PairSnapshots.extras(node)));
        assertEquals(PairSnapshots.golden(dir + "keepalived.json").strip(), JsonFormat.format(PairSnapshots.extras(node)).strip());
        Map<String, List<String>> theirs = DataLayout.comparable(PairSnapshots.golden(dir + "keepalived.data"));
        Map<String, List<String>> ours = DataLayout.sections(PairSnapshots.extrasData(node));
        assertEquals(List.copyOf(theirs.keySet()), List.copyOf(ours.keySet()), "sections in keepalived's order (no sync group section without groups)");
        theirs.forEach((section, lines) -> assertEquals(String.join("\n", lines), String.join("\n", ours.get(section)), section));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void dataSectionBySection(int node) throws IOException {
        Map<String, List<String>> theirs = DataLayout.comparable(PairSnapshots.golden("pair/n" + node + "/keepalived.data"));
        Map<String, List<String>> ours = DataLayout.sections(PairSnapshots.data(node));
        assertEquals(List.copyOf(theirs.keySet()), List.copyOf(ours.keySet()), "sections in keepalived's order");
        theirs.forEach((section, lines) -> assertEquals(String.join("\n", lines), String.join("\n", ours.get(section)), section));
    }
}
