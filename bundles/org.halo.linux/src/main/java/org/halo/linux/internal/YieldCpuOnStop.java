package org.halo.linux.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import com.sun.jna.LastErrorException;

import org.osgi.service.component.annotations.Component;

/**
 * Last of the SIGTERM handlers (the launcher runs {@code halo.signal=TERM} services by ranking, this one
 * ranks lowest): once the VRRP release has sent its priority-0 adverts and removed the VIPs, the rest of the
 * daemon's exit (bundle stop, SCR deactivation, notify scripts: tens of ms of CPU) runs at nice 19, so it does
 * not take CPU from whatever else runs on the host, the new master's own daemon among them when both share
 * one machine. Nice is per thread on Linux: every thread is lowered, and threads started afterwards (the
 * shutdown hooks) inherit it from the signal thread.
 */
@Component(service = Runnable.class, property = {"halo.signal=TERM", "service.ranking:Integer=-2147483648"})
public final class YieldCpuOnStop implements Runnable {
    private static final Logger LOG = Logger.getLogger(YieldCpuOnStop.class.getName());
    private static final int PRIO_PROCESS = 0;
    static final int LOWEST = 19;

    @Override
    public void run() {
        lowerEveryThread(LOWEST);
    }

    /** @return how many threads were lowered */
    static int lowerEveryThread(int nice) {
        int lowered = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    LibC.INSTANCE.setpriority(PRIO_PROCESS, Integer.parseInt(task.getFileName().toString()), nice);
                    lowered++;
                } catch (LastErrorException | NumberFormatException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            LOG.fine("cannot list threads to lower their priority: " + e);
        }
        return lowered;
    }

    @Override
    public String toString() {
        return "lower CPU priority after the VRRP release";
    }
}
