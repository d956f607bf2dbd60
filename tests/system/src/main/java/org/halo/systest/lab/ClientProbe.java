package org.halo.systest.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Connects from the client namespace to VIP:port every 10 ms (several attempts in flight, 300 ms
 * timeout each, as the lab measurements do) and records which node answered and when.
 */
public final class ClientProbe implements AutoCloseable {
    /** One answer: connection start and answer time (epoch micros) and the node that answered. */
    public record Answer(long startMicros, long endMicros, String node) {
    }

    private final List<Answer> answers = new ArrayList<>();
    private final LineProcess process;

    public ClientProbe(Lab lab, String vip, int port) {
        this(lab, vip, port, 10, 300);
    }

    /** Connects every {@code intervalMillis}, each attempt given up after {@code timeoutMillis}. */
    public ClientProbe(Lab lab, String vip, int port, int intervalMillis, int timeoutMillis) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", lab.clientNs()));
        cmd.addAll(NsAgent.command("probe", vip, Integer.toString(port), Integer.toString(intervalMillis), Integer.toString(timeoutMillis)));
        process = new LineProcess(cmd, this::onLine);
    }

    private void onLine(String line) {
        String[] f = line.split(" ");
        if (f.length == 3) {
            synchronized (answers) {
                answers.add(new Answer(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]));
                answers.notifyAll();
            }
        }
    }

    /** First answer, received after afterMicros, that matches. */
    public Optional<Answer> first(long afterMicros, Predicate<Answer> match) {
        synchronized (answers) {
            return answers.stream().filter(a -> a.endMicros() >= afterMicros && match.test(a)).findFirst();
        }
    }

    /** Waits up to millis for an answer from the node after afterMicros. */
    public Optional<Answer> await(long afterMicros, String node, long millis) {
        long end = System.currentTimeMillis() + millis;
        synchronized (answers) {
            while (true) {
                Optional<Answer> a = answers.stream().filter(x -> x.endMicros() >= afterMicros && x.node().equals(node)).findFirst();
                long left = end - System.currentTimeMillis();
                if (a.isPresent() || left <= 0) {
                    return a;
                }
                try {
                    answers.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** The most recent answer, if any. */
    public Optional<Answer> last() {
        synchronized (answers) {
            return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1));
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
