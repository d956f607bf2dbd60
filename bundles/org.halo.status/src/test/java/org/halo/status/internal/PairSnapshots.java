package org.halo.status.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.halo.status.api.Counters;
import org.halo.status.api.Garp;
import org.halo.status.api.GroupStatus;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.Peer;
import org.halo.status.api.Track;

/**
 * The state keepalived 2.2.7 was in when it wrote src/test/resources/keepalived-2.2.7/pair/nX (captured by
 * keepalived-2.2.7/capture/capture.sh from keepalived.conf.in): n1 priority 150 holds VI_1 (v2, PASS, sync
 * group G1), VI_6 (v3 IPv6, 100 ms, sync group G1) and VI_U (v3 unicast, nopreempt, track_script chk_up,
 * track_interface eth1); n2 priority 100 is BACKUP for all three. Values are those of the captured files.
 */
final class PairSnapshots {
    static final ZoneId ZONE = ZoneId.of("UTC");

    private PairSnapshots() {
    }

    static String golden(String path) throws IOException {
        try (InputStream in = PairSnapshots.class.getResourceAsStream("/keepalived-2.2.7/" + path)) {
            if (in == null) {
                throw new IOException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Counters sent(long n, long becomeMaster) {
        return new Counters(0, n, becomeMaster, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Counters rcvd(long n) {
        return new Counters(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** node 1 (MASTER) or 2 (BACKUP). */
    static List<InstanceStatus> instances(int node) {
        boolean master = node == 1;
        String state = master ? "MASTER" : "BACKUP";
        int prio = master ? 150 : 100;
        int masterPrio = master ? 0 : 150;
        String src = "10.77.0.1" + node;
        String peer = "10.77.0.1" + (master ? 2 : 1);
        double[] lt = master ? new double[] {1795474702.492469, 1795474702.492988, 1795474702.493253}
                : new double[] {1795474699.336961, 1795474699.336965, 1795474699.336968};
        long down1s = master ? 3414062 : 3609375;
        long down100ms = master ? 341406 : 360937;
        InstanceStatus vi1 = new InstanceStatus("VI_1", 51, 2, false, "eth0", "", state, state, prio, prio, masterPrio, 1, 1,
                master ? "" : "10.77.0.11", src, List.of(), false, 0, true, 1, "s3cret", List.of("10.77.0.100/24 dev eth0 scope global"), master,
                "G1", lt[0], down1s, Garp.DEFAULTS, master ? sent(5, 1) : rcvd(5), List.of(), 255, false, "no", List.of(), 3, false, false, false,
                false, false, List.of());
        InstanceStatus vi6 = new InstanceStatus("VI_6", 52, 3, true, "eth0", "", state, state, prio, prio, masterPrio, 0.1, 0.1,
                master ? "" : "fe80::77:ff:fe00:11", "fe80::77:ff:fe00:1" + node, List.of(), false, 0, true, 0, "",
                List.of("fd77::100/64 dev eth0 scope global preferred_lft forever"), master, "G1", lt[1], down100ms, new Garp(3, 5, 0, 1, 5, 5),
                master ? sent(48, 1) : rcvd(48), List.of(), 255, false, "no", List.of(), 3, false, false, false, false, false, List.of());
        InstanceStatus viU = new InstanceStatus("VI_U", 53, 3, false, "eth0", "", state, state, prio, prio, masterPrio, 1, 1,
                master ? "" : "10.77.0.11", src, List.of(peer), true, 0, true, 0, "", List.of("10.77.0.101/24 dev eth0 scope global"), master, "",
                lt[2], down1s, Garp.DEFAULTS, master ? sent(5, 1) : rcvd(5), List.of(new Peer(peer, 0, 255)), 255, false, "no",
                List.of(new Track("interface", "eth1", -10, false), new Track("script", "chk_up", -20, false)), 3, false, false, false, false, false, List.of());
        return List.of(vi1, vi6, viU);
    }

    static List<GroupStatus> groups(int node) {
        return List.of(new GroupStatus("G1", node == 1 ? "MASTER" : "BACKUP", List.of("VI_1", "VI_6")));
    }

    /** keepalived resolved "/bin/true" to the path it runs; the snapshot carries the same text. */
    static List<ScriptInfo> scripts() {
        return List.of(new ScriptInfo("chk_up", "/usr/bin/true", 1, 0, -20, 2, 2, 3, "unknown", "GOOD"));
    }

    static java.util.Map<String, String> scriptCommands() {
        return java.util.Map.of("chk_up", "/usr/bin/true");
    }

    static String data(int node) {
        return DataFormat.format(new DataFormat.Context("n" + node, scripts(), ZONE, ifname -> 2), instances(node), groups(node));
    }

    /**
     * keepalived-2.2.7/extras/nX (capture.sh with CONF=extras.conf.in): one v2 instance VI_X without
     * authentication, preempt_delay 3, a labelled VIP, an excluded /32, track_interface with reverse,
     * track_file and track_process (which lower 150/100 to 147/97); n1 MASTER, n2 BACKUP.
     */
    static List<InstanceStatus> extras(int node) {
        boolean master = node == 1;
        String state = master ? "MASTER" : "BACKUP";
        int prio = master ? 150 : 100;
        return List.of(new InstanceStatus("VI_X", 61, 2, false, "eth0", "", state, state, prio, prio - 3, master ? 0 : 147, 1, 1,
                master ? "" : "10.77.0.11", "10.77.0.1" + node, List.of(), false, 3, true, 0, "", List.of("10.77.0.110/24 dev eth0 scope global label eth0:vx"),
                master, "", master ? 1795475428.202912 : 1795475425.085692, master ? 3425781 : 3621093, Garp.DEFAULTS,
                master ? sent(2, 1) : rcvd(3), List.of(), 255, false, "no",
                List.of(new Track("interface", "eth1", -10, true), new Track("file", "tf1", -5, false), new Track("process", "tp1", -3, false)), 3,
                false, false, false, false, false, List.of("10.77.9.1 dev eth0 scope global")));
    }

    static String extrasData(int node) {
        return DataFormat.format(new DataFormat.Context("n" + node, List.of(), ZONE, ifname -> 2), extras(node), List.of());
    }
}
