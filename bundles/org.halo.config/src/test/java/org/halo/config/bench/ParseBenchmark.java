package org.halo.config.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import org.halo.config.ConfigLoader;
import org.halo.config.LoadResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parse time and heap for a 10,000-instance keepalived.conf generated with ~SEQ. Prints numbers, asserts only
 * the result's size. Excluded from the default build; run with
 * {@code mvn -pl bundles/org.halo.config test -Dgroups=bench -DexcludedGroups= -Dtest=ParseBenchmark}
 * or as a plain main.
 */
@Tag("bench")
class ParseBenchmark {
    @TempDir
    Path dir;

    @Test
    void tenThousandInstances() throws Exception {
        run(dir);
    }

    static void run(Path dir) throws Exception {
        // a multi-line parameter holds one instance; two nested ~SEQ generators expand it 100 x 100 times
        StringBuilder b = new StringBuilder();
        b.append("global_defs {\n  router_id bench\n}\n");
        b.append("$VI= \\\nvrrp_instance VI_${A}_${B} { \\\n  state BACKUP \\\n  interface eth0 \\\n  virtual_router_id ${B} \\\n"
            + "  priority 100 \\\n  advert_int 1 \\\n  virtual_ipaddress { \\\n    10.${A}.${B}.1/24 \\\n  } \\\n}\n");
        b.append("~SEQ(A, 0, 99) ~SEQ(B, 1, 100) $VI\n");
        Path f = dir.resolve("bench.conf");
        Files.writeString(f, b.toString());
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            System.gc();
            long before = mem.getHeapMemoryUsage().getUsed();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            LoadResult r = ConfigLoader.load(f, "bench", n -> true);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            System.gc();
            long after = mem.getHeapMemoryUsage().getUsed();
            assertEquals(10_000, r.model().vrrpInstances().size());
            System.out.printf("round %d: 10,000 vrrp_instances: wall %.1f ms, parser thread CPU %.1f ms, retained heap %.1f MiB,"
                + " exit %d (load average %.1f)%n", round, (t1 - t0) / 1e6, (c1 - c0) / 1e6, (after - before) / 1048576.0,
                r.diagnostics().exitCode(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    public static void main(String[] args) throws Exception {
        Path d = Files.createTempDirectory("halo-bench");
        run(d);
    }
}
