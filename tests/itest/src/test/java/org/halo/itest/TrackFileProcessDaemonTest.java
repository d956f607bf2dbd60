package org.halo.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * track_file and vrrp_track_process in a real daemon: the effective priority follows the file's value x weight
 * (init_file at start, writes, FAULT below -253) and a tracked process starting and stopping (a copy of sleep under
 * a name of its own), with keepalived 2.2.7's log lines. The log times give the latency from write to log line;
 * they are printed, not asserted.
 */
class TrackFileProcessDaemonTest {
    private static HaloInNamespace halo;
    private static Path prio;
    private static Path exe;

    @BeforeAll
    static void start() throws Exception {
        HaloInNamespace.requireRoot();
        halo = new HaloInNamespace("trk", "10.67.0.11/24");
        prio = halo.tmp.resolve("prio");
        String procName = "trk" + ProcessHandle.current().pid();
        exe = Files.copy(Path.of("/bin/sleep"), halo.tmp.resolve(procName), StandardCopyOption.COPY_ATTRIBUTES);
        halo.start("trk", """
                global_defs {
                    router_id trk
                }
                track_file tf1 {
                    file PRIO
                    weight 2
                    init_file 5 overwrite
                }
                vrrp_track_process tp1 {
                    process PROC
                    weight 10
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 63
                    priority 100
                    version 3
                    advert_int 0.1
                    virtual_ipaddress {
                        10.67.0.100/24
                    }
                    track_file {
                        tf1
                    }
                    track_process {
                        tp1
                    }
                }
                """.replace("PRIO", prio.toString()).replace("PROC", procName));
        halo.await(() -> halo.logText().contains("(VI_1) Entering MASTER STATE"), 60_000, "VI_1 MASTER");
    }

    @AfterAll
    static void stop() throws Exception {
        if (halo != null) {
            halo.close();
        }
    }

    private static void awaitLog(String line) {
        long t0 = System.nanoTime();
        halo.await(() -> halo.logText().contains(line), 10_000, line);
        System.out.printf("%-60s seen after %d ms%n", line, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private static void awaitEffective(int eff) {
        halo.await(() -> halo.shellQuiet("vrrp:show VI_1").lines()
                .anyMatch(l -> l.trim().matches("Priority\\s+100 \\(effective " + eff + "\\)")), 10_000, "effective priority " + eff);
    }

    @Test
    void priorityFollowsTheFileAndTheProcess() throws Exception {
        assertTrue(Files.readString(prio).equals("5\n"), "init_file 5 overwrite wrote the file");
        awaitEffective(110);

        Files.writeString(prio, "7\n");
        awaitLog("(VI_1) Changing effective priority from 110 to 114");

        Process p = new ProcessBuilder(exe.toString(), "60").start();
        try {
            awaitLog("Quorum gained for tracked process tp1");
            awaitLog("(VI_1) Changing effective priority from 114 to 124");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        awaitLog("Quorum lost for tracked process tp1");
        awaitLog("(VI_1) Changing effective priority from 124 to 114");

        Files.writeString(prio, "-200\n");
        awaitLog("(VI_1): tracked file tf1 now FAULT state");
        awaitLog("(VI_1) Entering FAULT STATE");
        Files.delete(prio);
        awaitLog("(VI_1): tracked file tf1 leaving FAULT state");
        awaitEffective(100);
        halo.await(() -> halo.shellQuiet("vrrp:list").lines().anyMatch(l -> l.startsWith("VI_1") && l.contains("MASTER")),
                10_000, "VI_1 back to MASTER");
    }
}
