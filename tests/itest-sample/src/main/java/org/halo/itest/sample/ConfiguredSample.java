package org.halo.itest.sample;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * Exists only while configuration PID {@code org.halo.itest.sample} exists. Its service properties carry
 * the configuration; because it has a {@code modified} method, DS updates them in place on a change, so
 * the registration (and its {@code service.id}) survives: that is how a test tells "updated live" from
 * "re-created".
 */
@Component(configurationPid = "org.halo.itest.sample", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "sample=configured")
public final class ConfiguredSample implements Sample {

    private volatile String greeting;

    @Activate
    public ConfiguredSample(Map<String, Object> config) {
        this.greeting = String.valueOf(config.get("greeting"));
    }

    @Modified
    void modified(Map<String, Object> config) {
        this.greeting = String.valueOf(config.get("greeting"));
    }

    @Override
    public String greeting() {
        return greeting;
    }
}
