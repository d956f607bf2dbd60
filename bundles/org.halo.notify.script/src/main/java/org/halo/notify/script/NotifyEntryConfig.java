package org.halo.notify.script;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * One factory configuration under {@value NotifyEntry#PID}, offered to the {@link ScriptNotifier}.
 * Subclasses read the notify keywords straight from the configuration bridge's block PIDs.
 */
@Component(configurationPid = NotifyEntry.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = NotifyEntryConfig.class)
public class NotifyEntryConfig {

    final NotifyEntry entry;

    @Activate
    public NotifyEntryConfig(Map<String, Object> config) {
        this(NotifyEntry.from(config));
    }

    NotifyEntryConfig(NotifyEntry entry) {
        this.entry = entry;
    }
}
