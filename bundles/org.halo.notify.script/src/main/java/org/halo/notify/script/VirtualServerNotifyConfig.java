package org.halo.notify.script;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Notify keywords of a {@code virtual_server} as published by the keepalived.conf bridge under
 * {@code org.halo.lvs.virtualserver}: scope VS. Needs the
 * {@code virtual_server} property.
 */
@Component(configurationPid = "org.halo.lvs.virtualserver", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = NotifyEntryConfig.class)
public final class VirtualServerNotifyConfig extends NotifyEntryConfig {

    @Activate
    public VirtualServerNotifyConfig(Map<String, Object> config) {
        super(NotifyEntry.lenient(withScope(config)));
    }

    private static Map<String, Object> withScope(Map<String, Object> config) {
        Map<String, Object> m = new HashMap<>(config);
        m.put("scope", "VS");
        return m;
    }
}
