package org.halo.systest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.halo.systest.lab.Lab;

/** Common guard: system tests need root; in CI (CI=true) nothing may be skipped. */
final class SystemTestSupport {
    private SystemTestSupport() {
    }

    static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    static void requireRoot() {
        if (!Lab.canRun()) {
            if (ci()) {
                fail("system tests need root (network namespaces); CI=true forbids skipping");
            }
            assumeTrue(false, "not root: namespace system tests skipped (set CI=true to make this a failure)");
        }
    }

    static Path baseDir() {
        return Path.of(System.getProperty("halo.systest.dir", "target/systest"));
    }
}
