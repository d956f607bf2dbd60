package org.halo.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** SIGTERM services run on the signal thread by service ranking: the VRRP release first, tidying up last. */
class TermHandlerOrderTest {

    @Test
    void highestRankingRunsFirstAndAFailingHandlerDoesNotStopTheOthers() throws Exception {
        Path storage = Files.createTempDirectory("halo-term-order");
        Felix felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        try {
            BundleContext ctx = felix.getBundleContext();
            List<String> ran = new ArrayList<>();
            register(ctx, () -> ran.add("last"), Integer.MIN_VALUE);
            register(ctx, () -> ran.add("plain"), null);
            register(ctx, () -> {
                ran.add("failing");
                throw new IllegalStateException("boom");
            }, 5);
            register(ctx, () -> ran.add("release"), 100);
            var tracker = Main.termTracker(ctx);
            Main.runInline(tracker, "TERM");
            assertEquals(List.of("release", "failing", "plain", "last"), ran);
            tracker.close();
        } finally {
            felix.stop();
            felix.waitForStop(5_000);
        }
    }

    private static void register(BundleContext ctx, Runnable r, Integer ranking) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("halo.signal", "TERM");
        if (ranking != null) {
            props.put(Constants.SERVICE_RANKING, ranking);
        }
        ctx.registerService(Runnable.class, r, props);
    }
}
