package org.halo.host;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * One {@code vrrp_script} entry: a factory configuration under {@value CheckSpec#VRRP_SCRIPT_PID} becomes a check in the
 * {@link CheckEngine}. Editing the configuration keeps health and counters.
 */
@Component(configurationPid = CheckSpec.VRRP_SCRIPT_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
public final class VrrpScriptConfig extends CheckConfig {

    @Activate
    public VrrpScriptConfig(@Reference CheckEngine engine, Map<String, Object> config) {
        super(engine, config, CheckSpec::vrrpScript);
    }
}
