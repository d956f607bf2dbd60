package org.halo.itest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put what the tests need (set by surefire from the pom). */
final class Paths {

    static final String SAMPLE = "org.halo.itest.sample.Sample";

    private Paths() {
    }

    static Path sampleJar() {
        Path p = Path.of(System.getProperty("halo.itest.sample", "../itest-sample/target/org.halo.itest.sample.jar"));
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("sample bundle not built: " + p);
        }
        return p;
    }
}
