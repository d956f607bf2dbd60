package org.halo.itest.sample;

import org.osgi.service.component.annotations.Component;

/** Registered as soon as the bundle starts: proves hot deploy of a jar. */
@Component(property = "sample=plain")
public final class PlainSample implements Sample {
    @Override
    public String greeting() {
        return "hello";
    }
}
