package org.halo.host;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * One {@code vrrp_script} entry: a factory configuration under {@value CheckSpec#VRRP_SCRIPT_PID}
 * becomes a check in the {@link CheckEngine}. Editing the configuration keeps health and counters.
 */
@Component(configurationPid = CheckSpec.VRRP_SCRIPT_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
public final class VrrpScriptConfig {

    private final CheckSlot slot;

    @Activate
    public VrrpScriptConfig(@Reference CheckEngine engine, Map<String, Object> config) {
        this.slot = new CheckSlot(engine);
        slot.apply(CheckSpec.vrrpScript(config));
    }

    @Modified
    void modified(Map<String, Object> config) {
        slot.apply(CheckSpec.vrrpScript(config));
    }

    @Deactivate
    void deactivate() {
        slot.remove();
    }
}
