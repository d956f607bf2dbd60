package org.halo.host;

import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * A factory configuration that owns one check in the {@link CheckEngine} (vrrp_script, vrrp_track_process,
 * real-server check): activate adds it, an edit re-applies it keeping health and counters, deactivate removes
 * it. The subclasses are the DS components, one per factory PID (bnd reads these inherited annotations).
 */
abstract class CheckConfig {

    private final CheckSlot slot;
    private final Function<Map<String, ?>, CheckSpec> spec;

    CheckConfig(CheckEngine engine, Map<String, Object> config, Function<Map<String, ?>, CheckSpec> spec) {
        this.slot = new CheckSlot(engine);
        this.spec = spec;
        slot.apply(spec.apply(config));
    }

    @Modified
    void modified(Map<String, Object> config) {
        slot.apply(spec.apply(config));
    }

    @Deactivate
    void deactivate() {
        slot.remove();
    }
}
