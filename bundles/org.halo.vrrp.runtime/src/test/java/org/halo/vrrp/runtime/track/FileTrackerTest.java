package org.halo.vrrp.runtime.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher against real files: a change must arrive well within a second (the documented latency is the JDK's
 * inotify delivery plus {@value FileTracker#SETTLE_MS} ms).
 */
class FileTrackerTest {
    private static final long LATENCY_MS = 1000;

    @TempDir
    Path dir;
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private FileTracker tracker;

    @AfterEach
    void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private void start(TrackFileSpec... specs) throws Exception {
        tracker = new FileTracker((name, v) -> seen.add(name + "=" + v));
        tracker.configure(List.of(specs));
    }

    private void expect(String nameValue) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATENCY_MS);
        String last = null;
        while (System.nanoTime() < end) {
            String s = seen.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (s == null) {
                break;
            }
            last = s;
            if (s.equals(nameValue)) {
                return;
            }
        }
        throw new AssertionError("expected " + nameValue + " within " + LATENCY_MS + " ms, last " + last);
    }

    private static TrackFileSpec spec(String name, Path file) {
        return TrackFileSpec.from(Map.of("name", name, "file", file.toString()));
    }

    @Test
    void readsAtStartOnWriteOnMoveInAndZeroOnDelete() throws Exception {
        Path f = dir.resolve("prio");
        Files.writeString(f, "4\n");
        start(spec("tf1", f));
        expect("tf1=4");
        Files.writeString(f, "-12\n");
        expect("tf1=-12");
        Path tmp = dir.resolve("prio.tmp");
        Files.writeString(tmp, "0x20\n");
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        expect("tf1=32");
        Files.delete(f);
        expect("tf1=0");
    }

    @Test
    void missingFileIsZeroUntilCreatedAndInitFileWritesOnlyOnce() throws Exception {
        Path missing = dir.resolve("later");
        Path init = dir.resolve("init");
        Files.writeString(init, "9\n");
        TrackFileSpec withInit = TrackFileSpec.from(Map.of("name", "ti", "file", init.toString(), "init_file", "5 overwrite"));
        start(spec("tl", missing), withInit);
        expect("tl=0");
        expect("ti=5");
        assertEquals("5\n", Files.readString(init), "overwrite replaces the existing value at start");
        Files.writeString(init, "6\n");
        expect("ti=6");
        tracker.configure(List.of(spec("tl", missing), withInit));
        expect("ti=6");
        assertEquals("6\n", Files.readString(init), "a reconfiguration (reload) does not overwrite again");
        Files.writeString(missing, "3\n");
        expect("tl=3");
    }

    @Test
    void aMissingDirectoryIsRefusedAndAnInvalidNumberKeepsTheLastValue() throws Exception {
        Path f = dir.resolve("v");
        Files.writeString(f, "2\n");
        start(spec("nodir", dir.resolve("no/such/file")), spec("tv", f));
        expect("tv=2");
        Files.writeString(f, "99999999999\n");
        Files.writeString(f, "3\n");
        expect("tv=3");
        assertTrue(seen.stream().noneMatch(s -> s.startsWith("nodir=")), "no value for a file whose directory is missing");
        assertTrue(seen.stream().noneMatch(s -> s.equals("tv=99999999999")));
    }

    @Test
    void specParsesWeightAndInitFile() {
        TrackFileSpec s = TrackFileSpec.from(Map.of("name", "a", "file", "/x", "weight", "-3 reverse", "init_file", "true"));
        assertEquals(-3, s.weight().weight());
        assertTrue(s.weight().reverse());
        assertEquals(new TrackFileSpec.Init(0, false), s.init());
    }
}
