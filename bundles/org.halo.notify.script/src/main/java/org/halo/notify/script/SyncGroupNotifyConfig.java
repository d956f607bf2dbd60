package org.halo.notify.script;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Notify keywords of a {@code vrrp_sync_group} as published by the keepalived.conf bridge under
 * {@code org.halo.vrrp.syncgroup}: scope GROUP.
 */
@Component(configurationPid = "org.halo.vrrp.syncgroup", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = NotifyEntryConfig.class)
public final class SyncGroupNotifyConfig extends NotifyEntryConfig {

    @Activate
    public SyncGroupNotifyConfig(Map<String, Object> config) {
        super(NotifyEntry.lenient(withScope(config)));
    }

    private static Map<String, Object> withScope(Map<String, Object> config) {
        Map<String, Object> m = new HashMap<>(config);
        m.put("scope", "GROUP");
        return m;
    }
}
