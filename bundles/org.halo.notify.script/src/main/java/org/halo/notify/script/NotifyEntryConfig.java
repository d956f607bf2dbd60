package org.halo.notify.script;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** One factory configuration under {@value NotifyEntry#PID}, offered to the {@link ScriptNotifier}. */
@Component(configurationPid = NotifyEntry.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = NotifyEntryConfig.class)
public final class NotifyEntryConfig {

    final NotifyEntry entry;

    @Activate
    public NotifyEntryConfig(Map<String, Object> config) {
        this.entry = NotifyEntry.from(config);
    }
}
