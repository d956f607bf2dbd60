package org.halo.example.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Example checker: a target is healthy when the file named by its {@code path} property exists, is not
 * older than {@code max_age} seconds, and (if the target sets {@code expect}) its first line equals
 * {@code expect}. Typical use: an application writes {@code ok} into a status file.
 *
 * <p>What a checker must do, and nothing more: probe once, quickly, off the caller's thread, and
 * complete the stage. The core decides when to probe, how often, what a timeout is, fall/rise and what
 * a result means for the real server or VRRP instance.
 */
@Component(configurationPid = "org.halo.example.checker", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FileCheckConfig.class)
public final class FileChecker implements Checker {

    private final Duration maxAge;
    /** Own thread: file I/O can block (NFS), and blocking the host's call thread would delay our probes. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "example-file-checker");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public FileChecker(FileCheckConfig config) {
        this.maxAge = Duration.ofSeconds(config.max_age());
    }

    @Deactivate
    void deactivate() {
        io.shutdownNow();
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        return CompletableFuture.supplyAsync(() -> probe(target), io);
    }

    CheckResult probe(CheckTarget target) {
        String path = target.property("path", null);
        if (path == null) {
            return CheckResult.failure("no path configured");
        }
        Path file = Path.of(path);
        try {
            if (!maxAge.isZero()) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                Duration age = Duration.between(modified, Instant.now());
                if (age.compareTo(maxAge) > 0) {
                    return CheckResult.failure(file + " is " + age.toSeconds() + " s old");
                }
            }
            String expect = target.property("expect", null);
            if (expect != null) {
                String first;
                try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    first = lines.findFirst().orElse("");
                }
                if (!first.trim().equals(expect)) {
                    return CheckResult.failure(file + " says '" + first.trim() + "', expected '" + expect + "'");
                }
            } else if (!Files.exists(file)) {
                return CheckResult.failure(file + " missing");
            }
            return CheckResult.success(file + " ok");
        } catch (NoSuchFileException e) {
            return CheckResult.failure(file + " missing");
        } catch (IOException | RuntimeException e) {
            return CheckResult.failure(file + ": " + e);
        }
    }
}
