package org.halo.example.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckerTest {

    @TempDir
    Path dir;

    static FileCheckConfig config(long maxAge) {
        return new FileCheckConfig() {
            public Class<? extends Annotation> annotationType() { return FileCheckConfig.class; }
            public String halo_checker_type() { return "FILE_CHECK"; }
            public long max_age() { return maxAge; }
        };
    }

    private CheckResult check(FileChecker c, Map<String, String> props) throws Exception {
        return c.check(new CheckTarget("t", "FILE_CHECK", Duration.ofSeconds(1), props)).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void existsExpectAndAge() throws Exception {
        FileChecker c = new FileChecker(config(60));
        try {
            Path f = dir.resolve("status");
            assertFalse(check(c, Map.of("path", f.toString())).isSuccess());
            Files.writeString(f, "ok\n");
            assertTrue(check(c, Map.of("path", f.toString())).isSuccess());
            assertTrue(check(c, Map.of("path", f.toString(), "expect", "ok")).isSuccess());
            CheckResult wrong = check(c, Map.of("path", f.toString(), "expect", "ready"));
            assertEquals("" + f + " says 'ok', expected 'ready'", wrong.detail());
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(120)));
            assertFalse(check(c, Map.of("path", f.toString())).isSuccess());
            assertFalse(check(c, Map.of()).isSuccess());
        } finally {
            c.deactivate();
        }
    }
}
