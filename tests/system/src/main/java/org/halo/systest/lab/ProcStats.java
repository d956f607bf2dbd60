package org.halo.systest.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** RSS and CPU time of a process and all its descendants, read from /proc. */
public final class ProcStats {
    /** Clock ticks per second for utime/stime; 100 on every Linux we run on. */
    private static final double CLK_TCK = 100.0;

    /** Sum over the process tree. */
    public record Sample(long rssKb, double cpuSeconds, int processes) {
    }

    private ProcStats() {
    }

    public static Sample tree(long root) {
        Map<Long, Long> parent = new HashMap<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).forEach(n -> {
                String[] f = stat(Long.parseLong(n));
                if (f != null) {
                    parent.put(Long.parseLong(n), Long.parseLong(f[1]));
                }
            });
        } catch (IOException e) {
            return new Sample(0, 0, 0);
        }
        List<Long> tree = new ArrayList<>(List.of(root));
        for (int i = 0; i < tree.size(); i++) {
            long p = tree.get(i);
            parent.forEach((child, pp) -> {
                if (pp == p && !tree.contains(child)) {
                    tree.add(child);
                }
            });
        }
        long rss = 0;
        double cpu = 0;
        int n = 0;
        for (long pid : tree) {
            String[] f = stat(pid);
            if (f == null) {
                continue;
            }
            n++;
            // fields after "(comm) ": state=0 ppid=1 ... utime=11 stime=12
            cpu += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLK_TCK;
            rss += vmRssKb(pid);
        }
        return new Sample(rss, cpu, n);
    }

    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long vmRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // exited
        }
        return 0;
    }
}
