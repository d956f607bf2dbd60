package org.halo.host;

/**
 * The one check a factory configuration owns in the {@link CheckEngine}: (re)applied on activate and modify, so
 * health and counters survive an edit; an edit that changes the check's id replaces the old check.
 */
final class CheckSlot {
    private final CheckEngine engine;
    private String id;

    CheckSlot(CheckEngine engine) {
        this.engine = engine;
    }

    void apply(CheckSpec spec) {
        if (id != null && !id.equals(spec.id())) {
            engine.removeCheck(id);
        }
        id = spec.id();
        engine.putCheck(spec);
    }

    void remove() {
        if (id != null) {
            engine.removeCheck(id);
        }
    }
}
