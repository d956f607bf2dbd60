package org.halo.vrrp.runtime.track;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import java.util.logging.Logger;

/**
 * Watches the track_files and hands each value (name, value) to a sink, as keepalived does with inotify: the
 * file is read at start and whenever it is written, moved in or deleted (deleted or missing reads as 0). The
 * JDK's WatchService (inotify on Linux) watches the file's directory; a change is read {@value #SETTLE_MS} ms
 * after its event, so that a writer's truncate and write are read as one (keepalived waits for IN_CLOSE_WRITE).
 * All state lives on one worker thread; a second thread only waits for watch events and posts them to it.
 */
public final class FileTracker implements AutoCloseable {
    static final long SETTLE_MS = 20;
    private static final Logger LOG = Logger.getLogger("org.halo.vrrp");

    private final ObjLongConsumer<String> sink;
    private final ScheduledExecutorService worker;
    /** Opened with the first track_file (most configurations have none: no inotify, no waiting thread). */
    private WatchService watch;
    private volatile boolean closed;
    private volatile boolean started;
    private final Map<Path, WatchKey> dirs = new HashMap<>();
    private final Map<String, Path> files = new HashMap<>();
    private final Set<String> pending = new HashSet<>();
    /** init_file is applied once per file in a run: keepalived does not overwrite a file on reload. */
    private final Set<String> initialised = new HashSet<>();

    public FileTracker(ObjLongConsumer<String> sink) throws IOException {
        this.sink = sink;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vrrp-trackfile"));
    }

    /** Worker thread: the watch service and its waiting thread, on first use. */
    private WatchService watch() throws IOException {
        if (watch == null) {
            watch = FileSystems.getDefault().newWatchService();
            WatchService w = watch;
            daemon(() -> waitForEvents(w), "vrrp-trackfile-watch").start();
            if (closed) {
                w.close();
            }
        }
        return watch;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The track_files to watch now (replaces the previous set); each is read at once. */
    public void configure(Collection<TrackFileSpec> specs) {
        List<TrackFileSpec> copy = List.copyOf(specs);
        if (copy.isEmpty() && !started) {
            return; // nothing to watch yet: no worker thread either
        }
        started = true;
        post(() -> doConfigure(copy));
    }

    private void doConfigure(List<TrackFileSpec> specs) {
        files.clear();
        Set<Path> wanted = new HashSet<>();
        for (TrackFileSpec s : specs) {
            if (initialised.add(s.name() + "\0" + s.file())) {
                TrackFileInit.apply(s, LOG);
            }
            Path resolved = resolve(s);
            if (resolved == null) {
                continue;
            }
            try {
                Path dir = resolved.getParent();
                if (!dirs.containsKey(dir)) {
                    dirs.put(dir, dir.register(watch(), StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
                }
                wanted.add(dir);
                files.put(s.name(), resolved);
                read(s.name());
            } catch (IOException e) {
                LOG.warning("track file " + s.name() + " is not accessible - ignoring (" + e.getMessage() + ")");
            }
        }
        dirs.entrySet().removeIf(e -> {
            if (!wanted.contains(e.getKey())) {
                e.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    /** keepalived init_track_files: the real path, or the real directory plus the name of a missing file. */
    private static Path resolve(TrackFileSpec s) {
        Path f = s.file().toAbsolutePath();
        try {
            return f.toRealPath();
        } catch (IOException missing) {
            Path dir = f.getParent();
            try {
                if (dir != null && Files.isDirectory(dir)) {
                    return dir.toRealPath().resolve(f.getFileName());
                }
            } catch (IOException e) {
                // falls through to the keepalived message
            }
            LOG.warning("Track file directory for " + s.name() + " does not exist - removing");
            return null;
        }
    }

    private void waitForEvents(WatchService watch) {
        while (true) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            List<String> names = new ArrayList<>();
            for (WatchEvent<?> e : key.pollEvents()) {
                // OVERFLOW (lost events) has no name: every file of the directory is read again
                names.add(e.context() == null ? null : e.context().toString());
            }
            key.reset();
            post(() -> onEvents(dir, names));
        }
    }

    private void onEvents(Path dir, List<String> names) {
        for (Map.Entry<String, Path> f : files.entrySet()) {
            Path p = f.getValue();
            boolean hit = p.getParent().equals(dir)
                    && (names.contains(null) || names.contains(p.getFileName().toString()));
            if (hit && pending.add(f.getKey())) {
                worker.schedule(() -> {
                    pending.remove(f.getKey());
                    read(f.getKey());
                }, SETTLE_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void read(String name) {
        Path p = files.get(name);
        if (p == null) {
            return;
        }
        String text = "";
        try (InputStream in = Files.newInputStream(p)) {
            text = new String(in.readNBytes(TrackFileValue.MAX_BYTES), StandardCharsets.ISO_8859_1);
        } catch (IOException missingOrUnreadable) {
            // keepalived: an unreadable or deleted file counts as 0
        }
        long v = TrackFileValue.strtol(text);
        if (!TrackFileValue.usable(v)) {
            LOG.info("Invalid number " + v + " read from " + p + " - ignoring");
            return;
        }
        try {
            sink.accept(name, v);
        } catch (RuntimeException e) {
            LOG.warning("track file " + name + ": value not delivered: " + e);
        }
    }

    private void post(Runnable r) {
        try {
            worker.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.warning("track file watcher: " + e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // stopping
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WatchService w = watch;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                LOG.fine("closing the track file watch: " + e);
            }
        }
    }
}
