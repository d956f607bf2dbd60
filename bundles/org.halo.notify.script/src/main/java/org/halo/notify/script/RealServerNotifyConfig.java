package org.halo.notify.script;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Notify keywords of a {@code real_server} as published by the keepalived.conf bridge under
 * {@code org.halo.lvs.realserver}: scope RS. Needs the
 * {@code virtual_server} and {@code real_server} properties.
 */
@Component(configurationPid = "org.halo.lvs.realserver", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = NotifyEntryConfig.class)
public final class RealServerNotifyConfig extends NotifyEntryConfig {

    @Activate
    public RealServerNotifyConfig(Map<String, Object> config) {
        super(NotifyEntry.lenient(withScope(config)));
    }

    private static Map<String, Object> withScope(Map<String, Object> config) {
        Map<String, Object> m = new HashMap<>(config);
        m.put("scope", "RS");
        return m;
    }
}
