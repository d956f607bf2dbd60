package org.halo.config.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.halo.config.ConfigLoader;
import org.halo.config.LoadResult;
import org.halo.config.cli.ConfigCli;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the whole pipeline (preprocessor, parser, validator, model builder, dump) with Jazzer.
 * The build fuzzes for 5 s (surefire sets JAZZER_FUZZ=1). Longer on demand with Jazzer's CLI on the test class
 * path, e.g. {@code java -cp <test classpath> com.code_intelligence.jazzer.Jazzer
 * --target_class=org.halo.config.fuzz.ConfigFuzzTest -max_total_time=600} (see docs/config-migration.md).
 * Property checked: any input ends in a result with a valid exit code, never an exception or a hang.
 */
class ConfigFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parsesAnything(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** Entry point for Jazzer's stand-alone driver. */
    public static void fuzzerTestOneInput(byte[] input) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("halo-fuzz");
            Path f = dir.resolve("keepalived.conf");
            Files.write(f, input);
            LoadResult r = ConfigLoader.load(f, "fuzz");
            int code = r.diagnostics().exitCode();
            assertTrue(code == 0 || code == 4 || code == 5 || code == 6, "exit code " + code);
            assertNotNull(r.dump());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int cli = ConfigCli.configTest(f, "fuzz", new PrintStream(out, true, StandardCharsets.UTF_8));
            assertTrue(cli == code, "CLI and loader disagree");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("keepalived.conf"));
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // best effort clean-up of the scratch directory
                }
            }
        }
    }
}
