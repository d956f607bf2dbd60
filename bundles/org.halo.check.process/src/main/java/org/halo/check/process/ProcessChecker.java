package org.halo.check.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code vrrp_track_process}: one probe is one scan of /proc counting the matching processes; success while the
 * count is within the quorum. keepalived learns of forks and exits from the kernel's proc connector at once; here
 * the host scans every second (CheckSpec), and the delays are the host's fall/rise. The scan runs on this
 * checker's own thread, so a slow /proc delays nothing else.
 */
@Component(property = Checker.TYPE + "=" + Checker.VRRP_TRACK_PROCESS)
public final class ProcessChecker implements Checker {

    private final Path proc;
    private final ExecutorService scanner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "halo-proc-scan");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ProcessChecker() {
        this(Path.of("/proc"));
    }

    ProcessChecker(Path proc) {
        this.proc = proc;
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        ProcessMatcher matcher = ProcessMatcher.from(target);
        Quorum quorum = Quorum.from(target);
        return CompletableFuture.supplyAsync(() -> {
            int n;
            try {
                n = ProcScan.count(proc, matcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String detail = n + " matching process" + (n == 1 ? "" : "es") + ", quorum " + quorum;
            return quorum.contains(n) ? CheckResult.success(detail) : CheckResult.failure(detail);
        }, scanner);
    }
}
