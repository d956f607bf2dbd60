package org.halo.systest.lab;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Makes this JVM a child subreaper and reaps orphans that get re-parented to it.
 *
 * <p>keepalived forks a VRRP child; when the lab SIGKILLs a daemon's process group, that child is
 * orphaned. PID 1 on these machines does not reap, so without a subreaper it stays a zombie and
 * keepalived later refuses to start ("daemon is already running"). Java's own process reaper only
 * waits for the pids it started, so orphans are reaped here by scanning /proc for zombies whose
 * parent is this JVM and that Java did not start itself.
 */
public final class Reaper {
    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int WNOHANG = 1;
    private static final Set<Long> JAVA_CHILDREN = ConcurrentHashMap.newKeySet();
    private static volatile boolean started;

    interface LibC extends Library {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);

        int waitpid(int pid, int[] status, int options);
    }

    private static LibC libc;

    private Reaper() {
    }

    /** Idempotent: become subreaper and start the background reaping thread. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        libc = Native.load("c", LibC.class);
        if (libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
            throw new IllegalStateException("prctl(PR_SET_CHILD_SUBREAPER) failed");
        }
        Thread t = new Thread(() -> {
            while (true) {
                reapOrphans();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lab-reaper");
        t.setDaemon(true);
        t.start();
        started = true;
    }

    /** Processes started through ProcessBuilder are reaped by the JDK; keep our hands off them. */
    public static void javaChild(long pid) {
        JAVA_CHILDREN.add(pid);
    }

    /** Reaps every zombie whose parent is this JVM and that the JDK does not own. */
    public static void reapOrphans() {
        if (libc == null) {
            return;
        }
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(s -> s.chars().allMatch(Character::isDigit)).forEach(s -> {
                long pid = Long.parseLong(s);
                if (JAVA_CHILDREN.contains(pid)) {
                    return;
                }
                String stat;
                try {
                    stat = Files.readString(Path.of("/proc", s, "stat"));
                } catch (IOException | RuntimeException e) {
                    return; // gone already
                }
                // pid (comm) state ppid ...; comm may contain spaces, so parse after the last ')'
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if ("Z".equals(f[0]) && Long.parseLong(f[1]) == self) {
                    libc.waitpid((int) pid, new int[1], WNOHANG);
                }
            });
        } catch (IOException e) {
            // /proc unreadable: nothing to reap
        }
    }
}
