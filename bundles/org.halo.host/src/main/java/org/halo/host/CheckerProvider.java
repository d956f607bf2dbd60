package org.halo.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.halo.api.check.Checker;
import org.osgi.framework.Constants;

/**
 * One live checker service with its own call thread and counters: a checker that blocks or spins in
 * {@code check} only stalls this thread, hence only the targets of the types it serves.
 */
final class CheckerProvider {

    final Checker checker;
    final List<String> types;
    final int ranking;
    final long serviceId;
    final PluginInfo info;
    final ExecutorService calls;

    CheckerProvider(Checker checker, Map<String, ?> props, PluginInfo.Factory infoFactory) {
        this.checker = checker;
        this.types = types(props);
        Object r = props.get(Constants.SERVICE_RANKING);
        this.ranking = r instanceof Integer i ? i : 0;
        Object id = props.get(Constants.SERVICE_ID);
        this.serviceId = id instanceof Long l ? l : System.identityHashCode(checker);
        this.info = infoFactory.create("checker", String.join(",", types), new PluginStats());
        String threadName = "halo-checker-" + String.join(",", types) + "-" + serviceId;
        this.calls = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    PluginStats stats() {
        return info.stats();
    }

    /** Better provider first: higher ranking, then lower service id (OSGi ordering). */
    int compareTo(CheckerProvider other) {
        if (ranking != other.ranking) {
            return Integer.compare(other.ranking, ranking);
        }
        return Long.compare(serviceId, other.serviceId);
    }

    static List<String> types(Map<String, ?> props) {
        String text = Props.text(props, Checker.TYPE);
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String t : text.split("[\\s,]+")) {
                if (!t.isBlank()) {
                    out.add(t.trim());
                }
            }
        }
        return out;
    }
}
