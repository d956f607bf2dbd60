package org.halo.notify.script;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.halo.check.script.exec.ScriptLine;
import org.halo.check.script.exec.ScriptRunner;
import org.halo.check.script.exec.ScriptUser;

/**
 * One notify FIFO ({@code notify_fifo}, {@code vrrp_notify_fifo}, {@code lvs_notify_fifo}): created
 * with {@code mkfifo} if missing, opened read-write so opening never waits for a reader (as keepalived
 * does), and, when a {@code *_fifo_script} is configured, that script is started with the FIFO path as
 * its argument to read the lines.
 */
final class NotifyFifo implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NotifyFifo.class.getName());

    final Path path;
    private final RandomAccessFile out;
    private final CompletableFuture<ScriptRunner.Exit> reader;

    NotifyFifo(Path path, String script, ScriptUser user, ScriptRunner runner) throws IOException {
        this.path = path;
        if (!Files.exists(path)) {
            try {
                Process p = new ProcessBuilder("mkfifo", "-m", "0600", path.toString()).inheritIO().start();
                if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("mkfifo " + path + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted creating " + path, e);
            }
        }
        this.out = new RandomAccessFile(path.toFile(), "rw");
        if (script != null && !script.isBlank()) {
            List<String> argv = new java.util.ArrayList<>(ScriptLine.split(script));
            argv.add(path.toString());
            this.reader = runner.run(argv, user, Duration.ofDays(36500));
            reader.whenComplete((exit, e) -> {
                if (!reader.isCancelled()) {
                    LOG.warning(() -> "fifo script for " + path + " ended: " + (e != null ? e : "exit " + exit.status()));
                }
            });
        } else {
            this.reader = null;
        }
    }

    /** Writes one line; blocks only if the pipe is full and nobody reads (the host's timeout guards it). */
    synchronized void write(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() {
        if (reader != null) {
            reader.cancel(true);
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing " + path + ": " + e);
        }
    }
}
