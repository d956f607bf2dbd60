package org.halo.notify.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.halo.api.notify.RealServerEvent;
import org.halo.api.notify.VirtualServiceEvent;
import org.halo.api.notify.VrrpEvent;
import org.halo.api.vrrp.VrrpState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptNotifierTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    static VrrpEvent vrrp(VrrpEvent.Scope scope, String name, VrrpState state, int prio) {
        return new VrrpEvent(1, Instant.now(), scope, name, state, VrrpState.INIT, prio);
    }

    @Test
    void notifyGetsFourArgumentsAndStateScriptsRunFirstInOrderPerInstance() throws Exception {
        Path log = dir.resolve("log");
        // Random sleeps would reorder runs if they were not serialised per instance.
        Path generic = script("notify.sh", "sleep 0.0$(( $$ % 9 )); echo \"notify $1 $2 $3 $4\" >> " + log);
        Path master = script("master.sh", "echo \"master $1\" >> " + log);
        ScriptNotifier n = new ScriptNotifier(Map.of("script_user", "root"));
        try {
            n.addEntry(new NotifyEntryConfig(Map.of("scope", "INSTANCE", "name", "VI_1", "notify", generic.toString(),
                    "notify_master", master + " 'x y'")));
            n.notify(vrrp(VrrpEvent.Scope.INSTANCE, "VI_1", VrrpState.MASTER, 150));
            n.notify(vrrp(VrrpEvent.Scope.INSTANCE, "VI_1", VrrpState.BACKUP, 100));
            n.notify(vrrp(VrrpEvent.Scope.INSTANCE, "VI_1", VrrpState.FAULT, 100));
            n.notify(vrrp(VrrpEvent.Scope.INSTANCE, "VI_2", VrrpState.MASTER, 100)); // no entry: nothing runs
            n.drain(Duration.ofSeconds(10));
            assertEquals(List.of("master x y", "notify INSTANCE VI_1 MASTER 150", "notify INSTANCE VI_1 BACKUP 100",
                    "notify INSTANCE VI_1 FAULT 100"), Files.readAllLines(log));
            assertEquals(4, n.scriptsRun.get());
        } finally {
            n.deactivate();
        }
    }

    @Test
    void fifoLinesInKeepalivedFormat() throws Exception {
        Path fifo = dir.resolve("notify.fifo");
        Path lvs = dir.resolve("lvs.fifo");
        ScriptNotifier n = new ScriptNotifier(Map.of("notify_fifo", fifo.toString(), "lvs_notify_fifo", lvs.toString()));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new FileReader(fifo.toFile()))) {
                for (String l; (l = r.readLine()) != null;) {
                    lines.add(l);
                }
            } catch (Exception e) {
                lines.add("error " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            n.notify(vrrp(VrrpEvent.Scope.INSTANCE, "VI_1", VrrpState.MASTER, 100));
            n.notify(vrrp(VrrpEvent.Scope.GROUP, "G1", VrrpState.BACKUP, 0));
            n.notify(new RealServerEvent(3, Instant.now(), "[10.0.0.1]:tcp:80", "[192.168.0.2]:tcp:8080", false,
                    "MISC_CHECK"));
            n.notify(new VirtualServiceEvent(4, Instant.now(), "[10.0.0.1]:tcp:80", true));
            long end = System.nanoTime() + 5_000_000_000L;
            while (lines.size() < 4 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(List.of("INSTANCE \"VI_1\" MASTER 100", "GROUP \"G1\" BACKUP 0",
                    "RS [192.168.0.2]:tcp:8080 [10.0.0.1]:tcp:80 DOWN", "VS [10.0.0.1]:tcp:80 UP"), lines);
            assertTrue(Files.exists(lvs));
        } finally {
            n.deactivate();
        }
    }

    @Test
    void fifoScriptReadsTheFifo() throws Exception {
        Path fifo = dir.resolve("vrrp.fifo");
        Path out = dir.resolve("fifo.out");
        Path reader = script("reader.sh", "while read line; do echo \"$line\" >> " + out + "; done < \"$1\"");
        ScriptNotifier n = new ScriptNotifier(Map.of("vrrp_notify_fifo", fifo.toString(),
                "vrrp_notify_fifo_script", reader.toString(), "script_user", "root"));
        try {
            n.notify(vrrp(VrrpEvent.Scope.INSTANCE, "VI_9", VrrpState.STOP, 0));
            long end = System.nanoTime() + 5_000_000_000L;
            while ((!Files.exists(out) || Files.readAllLines(out).isEmpty()) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(List.of("INSTANCE \"VI_9\" STOP 0"), Files.readAllLines(out));
        } finally {
            n.deactivate();
        }
    }

    @Test
    void bridgeBlockConfigurationsCarryTheNotifyKeywords() throws Exception {
        Path log = dir.resolve("bridge");
        Path master = script("m.sh", "echo \"$1\" >> " + log);
        ScriptNotifier n = new ScriptNotifier(Map.of("script_user", "root"));
        try {
            // As the keepalived.conf bridge publishes a vrrp_instance / vrrp_sync_group block.
            n.addEntry(new InstanceNotifyConfig(Map.of("name", "VI_1", "notify_master", master + " instance",
                    "halo.key", "vrrp_instance:VI_1", "priority", "100")));
            n.addEntry(new SyncGroupNotifyConfig(Map.of("name", "G1", "notify_master", master + " group")));
            n.addEntry(new RealServerNotifyConfig(Map.of("weight", "1"))); // no identity: inert, no crash
            n.notify(vrrp(VrrpEvent.Scope.GROUP, "G1", VrrpState.MASTER, 0));
            n.notify(vrrp(VrrpEvent.Scope.INSTANCE, "VI_1", VrrpState.MASTER, 100));
            n.notify(vrrp(VrrpEvent.Scope.INSTANCE, "G1", VrrpState.MASTER, 100)); // scope matters
            n.drain(Duration.ofSeconds(10));
            List<String> lines = Files.readAllLines(log);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.containsAll(List.of("group", "instance")), lines.toString());
        } finally {
            n.deactivate();
        }
    }

    @Test
    void realServerScripts() throws Exception {
        Path log = dir.resolve("rs");
        Path up = script("up.sh", "echo up >> " + log);
        Path down = script("down.sh", "echo down >> " + log);
        ScriptNotifier n = new ScriptNotifier(Map.of("script_user", "root"));
        try {
            n.addEntry(new NotifyEntryConfig(Map.of("scope", "RS", "virtual_server", "VS1", "real_server", "RS1",
                    "notify_up", up.toString(), "notify_down", down.toString())));
            n.notify(new RealServerEvent(1, Instant.now(), "VS1", "RS1", false, "MISC_CHECK"));
            n.notify(new RealServerEvent(2, Instant.now(), "VS1", "RS1", true, "MISC_CHECK"));
            n.notify(new RealServerEvent(3, Instant.now(), "VS1", "RS2", true, "MISC_CHECK"));
            n.drain(Duration.ofSeconds(10));
            assertEquals(List.of("down", "up"), Files.readAllLines(log));
        } finally {
            n.deactivate();
        }
    }
}
