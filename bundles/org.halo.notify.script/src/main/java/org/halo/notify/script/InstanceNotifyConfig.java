package org.halo.notify.script;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Notify keywords of a {@code vrrp_instance} as published by the keepalived.conf bridge under
 * {@code org.halo.vrrp.instance}: scope INSTANCE.
 */
@Component(configurationPid = "org.halo.vrrp.instance", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = NotifyEntryConfig.class)
public final class InstanceNotifyConfig extends NotifyEntryConfig {

    @Activate
    public InstanceNotifyConfig(Map<String, Object> config) {
        super(NotifyEntry.lenient(withScope(config)));
    }

    private static Map<String, Object> withScope(Map<String, Object> config) {
        Map<String, Object> m = new HashMap<>(config);
        m.put("scope", "INSTANCE");
        return m;
    }
}
