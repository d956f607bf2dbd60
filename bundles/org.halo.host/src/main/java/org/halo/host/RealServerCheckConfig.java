package org.halo.host;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * One real-server check (e.g. MISC_CHECK in a real_server): a factory configuration under {@value CheckSpec#CHECK_PID} becomes a check in the
 * {@link CheckEngine}. Editing the configuration keeps health and counters.
 */
@Component(configurationPid = CheckSpec.CHECK_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
public final class RealServerCheckConfig extends CheckConfig {

    @Activate
    public RealServerCheckConfig(@Reference CheckEngine engine, Map<String, Object> config) {
        super(engine, config, CheckSpec::realServerCheck);
    }
}
