package org.halo.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.halo.api.check.CheckResult;
import org.halo.api.check.Health;
import org.junit.jupiter.api.Test;

class PluginCommandsTest {

    @Test
    void listsLivePluginsWithCounters() throws Exception {
        CheckEngine engine = new CheckEngine();
        NotifierHost notifiers = new NotifierHost();
        ForwarderHost forwarders = new ForwarderHost();
        try {
            engine.addChecker(FakeChecker.answering(CheckResult.failure("no")), FakeChecker.props("MISC_CHECK"),
                    (kind, name, stats) -> new PluginInfo(kind, name, "org.example.probe", "1.2.3", 42, stats));
            engine.putCheck(CheckEngineTest.spec("c1", "MISC_CHECK", 10, 1000, 1, 1, Health.UP));
            notifiers.addNotifier(e -> { }, Map.of("halo.notifier.name", "fifo"), PluginInfo.factory(null));
            CheckEngineTest.await("probed", () -> engine.status("c1").map(s -> s.probes() > 0).orElse(false));
            PluginCommands cmd = new PluginCommands(engine, notifiers, forwarders);
            String all = cmd.plugins();
            assertTrue(all.contains("org.example.probe"), all);
            assertTrue(all.contains("1.2.3"), all);
            assertTrue(all.contains("fifo"), all);
            List<String> lines = cmd.checks().lines().toList();
            assertTrue(cmd.checkloop("reset").matches("check loop: [1-9]\\d* starts, lateness max \\d+ us, mean \\d+ us\\s*"),
                    cmd.checkloop());
            assertTrue(lines.get(1).matches("c1\\s+MISC_CHECK\\s+DOWN\\s+present\\s+\\d+.*"), lines.toString());
        } finally {
            engine.close();
            notifiers.close();
            forwarders.close();
        }
    }
}
