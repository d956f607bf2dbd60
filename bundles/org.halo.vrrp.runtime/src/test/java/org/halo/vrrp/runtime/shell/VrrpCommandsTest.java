package org.halo.vrrp.runtime.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.halo.status.api.Counters;
import org.halo.status.api.Garp;
import org.halo.status.api.GroupStatus;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.StatusSource;
import org.junit.jupiter.api.Test;

class VrrpCommandsTest {
    private static InstanceStatus inst(String name, String state, String master) {
        return new InstanceStatus(name, 51, 3, false, "eth0", "", state, state, 100, 90, 150, 0.1, 0.1, master, "10.77.0.12", List.of(), false, 0,
                true, 0, "", List.of("10.77.0.100/24 dev eth0 scope global"), state.equals("MASTER"), "", 0, 0, Garp.DEFAULTS,
                new Counters(42, 7, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0));
    }

    private static StatusSource source(InstanceStatus... i) {
        return new StatusSource() {
            @Override
            public List<InstanceStatus> instances() {
                return List.of(i);
            }

            @Override
            public List<GroupStatus> groups() {
                return List.of();
            }

            @Override
            public void clearStats() {
            }
        };
    }

    @Test
    void listShowsStatePrioritiesMasterAndVips() {
        String out = new VrrpCommands(source(inst("VI_1", "BACKUP", "10.77.0.11"), inst("VI_2", "MASTER", ""))).list();
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(0).startsWith("INSTANCE  STATE   VRID"), out);
        assertTrue(lines.get(1).matches("VI_1\\s+BACKUP\\s+51\\s+v3\\s+100\\s+90\\s+10\\.77\\.0\\.11\\s+eth0\\s+10\\.77\\.0\\.100/24 dev eth0 scope global"), out);
        assertTrue(lines.get(2).contains("10.77.0.12 (this node)"), out);
    }

    @Test
    void showPrintsCountersAndUnknownNames() {
        VrrpCommands c = new VrrpCommands(source(inst("VI_1", "BACKUP", "10.77.0.11")));
        String out = c.show("VI_1");
        assertTrue(out.contains("Adverts received         42"), out);
        assertTrue(out.contains("Priority 0 received      2"), out);
        assertTrue(out.contains("Master                   10.77.0.11 priority 150"), out);
        assertEquals("no vrrp_instance VI_9", c.show("VI_9"));
    }
}
