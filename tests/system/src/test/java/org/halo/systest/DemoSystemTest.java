package org.halo.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.halo.systest.lab.VrrpDaemons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's main job, {@code halo demo}, from the built distribution: two Halo nodes and a client in
 * namespaces of its own, the master killed, the failover measured and reported, the node restored, and
 * nothing left behind.
 */
class DemoSystemTest {

    @BeforeEach
    void root() {
        SystemTestSupport.requireRoot();
    }

    @Test
    void demoReportsTheFailoverRestoresTheNodeAndCleansUp() throws Exception {
        Path bin = VrrpDaemons.haloBin();
        assertTrue(Files.isExecutable(bin), "distribution built: " + bin);
        List<String> before = demoNamespaces();
        Path out = Files.createTempFile("halo-demo", ".out");
        // 100 ms adverts keep the run short; the default (v3, 1 s) only takes longer
        Process p = new ProcessBuilder(bin.toString(), "demo", "--version", "3", "--advert", "0.1").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroy(); // the demo cleans up on SIGTERM
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly().waitFor();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        assertTrue(ended, "demo ended within 120 s:\n" + text);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("n1 is MASTER and holds"), text);
        Matcher m = Pattern.compile("failover: VIP on n2 after ([0-9.]+) ms, client answered by n2 after ([0-9.]+) ms").matcher(text);
        assertTrue(m.find(), "failover reported:\n" + text);
        double vipMillis = Double.parseDouble(m.group(1));
        // SIGKILL at 100 ms adverts: the backup waits its master-down interval (3 x 100 ms + skew), then takes over
        assertTrue(vipMillis > 0 && vipMillis < 2_000, "measured failover " + vipMillis + " ms:\n" + text);
        assertTrue(text.contains("n1 preempted back"), text);
        assertTrue(text.contains("cleaning up"), text);
        assertEquals(before, demoNamespaces(), "the demo deleted its namespaces");
    }

    private static List<String> demoNamespaces() throws IOException, InterruptedException {
        Process ls = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String all = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ls.waitFor(10, TimeUnit.SECONDS);
        return all.lines().map(l -> l.split(" ")[0]).filter(n -> n.startsWith("hdemo")).sorted().toList();
    }
}
