package org.halo.itest.sample;

/** The service type both sample components provide; tests find it by name and read its properties. */
public interface Sample {
    String greeting();
}
