package org.halo.vrrp.runtime.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.halo.status.api.Counters;
import org.halo.status.api.InstanceStatus;
import org.halo.status.api.StatusSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands in scope {@code vrrp}: {@code vrrp:list} (instances with state, priorities, master
 * address, VIPs) and {@code vrrp:show NAME} (one instance with its counters). Read-only: changes go
 * through ConfigAdmin.
 */
@Component(service = VrrpCommands.class, property = {"osgi.command.scope=vrrp", "osgi.command.function=list",
    "osgi.command.function=show"})
public final class VrrpCommands {
    private final StatusSource source;

    @Activate
    public VrrpCommands(@Reference StatusSource source) {
        this.source = source;
    }

    /** vrrp:list */
    public String list() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"INSTANCE", "STATE", "VRID", "VER", "PRIO", "EFF", "MASTER", "INTERFACE", "VIPS"});
        for (InstanceStatus i : source.instances()) {
            rows.add(new String[] {i.name(), i.state(), Integer.toString(i.vrid()), "v" + i.version(), Integer.toString(i.basePriority()),
                Integer.toString(i.effectivePriority()), master(i), i.interfaceName(), String.join(", ", i.vips())});
        }
        return table(rows);
    }

    /** vrrp:show NAME */
    public String show(String name) {
        Optional<InstanceStatus> found = source.instances().stream().filter(i -> i.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            return "no vrrp_instance " + name;
        }
        InstanceStatus i = found.get();
        Counters c = i.counters();
        StringBuilder b = new StringBuilder();
        b.append("VRRP Instance ").append(i.name()).append('\n');
        line(b, "State", i.state() + (i.wantState().equals(i.state()) ? "" : " (want " + i.wantState() + ")"));
        line(b, "Virtual Router ID", i.vrid());
        line(b, "Version", i.version());
        line(b, "Interface", i.interfaceName() + (i.vmacInterface().isEmpty() ? "" : " (VMAC " + i.vmacInterface() + ")"));
        line(b, "Priority", i.basePriority() + " (effective " + i.effectivePriority() + ")");
        line(b, "Master", master(i) + ("MASTER".equals(i.state()) ? "" : " priority " + i.masterPriority()));
        line(b, "Advert interval", String.format(Locale.ROOT, "%.3f s", i.advertIntervalSec()));
        line(b, "Preempt", i.nopreempt() ? "disabled" : i.preemptDelaySec() > 0 ? "delay " + i.preemptDelaySec() + " s" : "enabled");
        line(b, "Sync group", i.syncGroup().isEmpty() ? "-" : i.syncGroup());
        line(b, "VIPs" + (i.vipsSet() ? " (set)" : ""), String.join(", ", i.vips()));
        line(b, "Adverts received", c.advertRcvd());
        line(b, "Adverts sent", c.advertSent());
        line(b, "Became master", c.becomeMaster());
        line(b, "Released master", c.releaseMaster());
        line(b, "Priority 0 received", c.priZeroRcvd());
        line(b, "Priority 0 sent", c.priZeroSent());
        line(b, "Errors: length", c.packetLenErr());
        line(b, "Errors: TTL", c.ipTtlErr());
        line(b, "Errors: invalid type", c.invalidTypeRcvd());
        line(b, "Errors: advert interval", c.advertIntervalErr());
        line(b, "Errors: address list", c.addrListErr());
        line(b, "Auth: invalid type", c.invalidAuthtype());
        line(b, "Auth: type mismatch", c.authtypeMismatch());
        line(b, "Auth: failure", c.authFailure());
        return b.toString();
    }

    private static String master(InstanceStatus i) {
        if ("MASTER".equals(i.state())) {
            return i.sourceAddress() + " (this node)";
        }
        return i.masterAddress().isEmpty() ? "-" : i.masterAddress();
    }

    private static void line(StringBuilder b, String key, Object value) {
        b.append(String.format(Locale.ROOT, "  %-24s %s%n", key, value));
    }

    static String table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                line.append(c == cols - 1 ? r[c] : String.format("%-" + (w[c] + 2) + "s", r[c]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
