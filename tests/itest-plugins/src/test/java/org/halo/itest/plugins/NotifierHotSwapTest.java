package org.halo.itest.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;

import org.halo.testing.FelixHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifiers in a running framework: the script notifier and a webhook on a loopback receiver get
 * every event; removing, re-adding or updating one loses no events for the other; a webhook receiver
 * answering 500 is retried without delaying the publisher.
 */
class NotifierHotSwapTest {

    private static FelixHarness h;
    private static Path work;
    private static HttpServer server;
    private static final List<Integer> okPriorities = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failingHits = new AtomicInteger();
    private static final Pattern PRIORITY = Pattern.compile("\"priority\":(\\d+)");

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/ok", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = PRIORITY.matcher(body);
            if (m.find()) {
                okPriorities.add(Integer.parseInt(m.group(1)));
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.createContext("/fail", ex -> {
            failingHits.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
        h = FelixHarness.builder().feature("full").start();
        work = Files.createTempDirectory("halo-itn");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            h.close();
        } finally {
            server.stop(0);
            FelixHarnessCleanup.deleteTree(work);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static List<Integer> logged(Path log) throws Exception {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String l : Files.readAllLines(log)) {
            String[] f = l.trim().split(" ");
            out.add(Integer.parseInt(f[f.length - 1]));
        }
        return out;
    }

    private static void awaitTrue(String what, java.util.concurrent.Callable<Boolean> c) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!c.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The host has bound the notifier (registration alone can race with the host's bind). */
    private static void awaitInHost(String name) throws Exception {
        awaitTrue("host has notifier " + name, () -> h.execute("halo:notifiers").lines()
                .anyMatch(l -> l.split("\\s+").length > 1 && l.split("\\s+")[1].equals(name)));
    }

    private static long publishRange(int from, int to) throws Exception {
        long worst = 0;
        for (int i = from; i < to; i++) {
            worst = Math.max(worst, Plugins.publishVrrp(h, "VI_1", i % 2 == 0 ? "MASTER" : "BACKUP", i));
            Thread.sleep(5);
        }
        return worst;
    }

    @Test
    void removingOrUpdatingOneNotifierLosesNoEventsForTheOther() throws Exception {
        Path log = work.resolve("notify.log");
        Path script = work.resolve("notify.sh");
        // keepalived's notify contract: $1 INSTANCE|GROUP, $2 name, $3 state, $4 priority.
        Files.writeString(script, "#!/bin/sh\necho \"$1 $2 $3 $4\" >> " + log + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Plugins.cfg(h, "org.halo.notify.script-vi1.cfg", Map.of("scope", "INSTANCE", "name", "VI_1",
                "notify", script.toString()));
        Plugins.cfg(h, "org.halo.notify.webhook-ok.cfg", Map.of("url", url("/ok"), "retries", "0",
                "halo.notifier.name", "webhook-ok"));
        awaitInHost("webhook-ok");
        awaitInHost("script");
        h.awaitService("org.halo.notify.script.NotifyEntryConfig", null, Duration.ofSeconds(30));
        Thread.sleep(200); // the entry reaches the notifier through its dynamic reference

        publishRange(0, 10);
        awaitTrue("script saw 0..9", () -> logged(log).size() == 10);
        assertEquals(Files.readAllLines(log).get(0), "INSTANCE VI_1 MASTER 0");

        // The script notifier goes away and comes back: the webhook misses nothing meanwhile.
        h.bundle("org.halo.notify.script").uninstall();
        h.awaitServiceGone("org.halo.api.notify.Notifier", "(halo.notifier.name=script)", Duration.ofSeconds(10));
        publishRange(10, 20);
        h.install(Plugins.distributionJar("org.halo.notify.script"));
        awaitInHost("script");
        h.awaitService("org.halo.notify.script.NotifyEntryConfig", null, Duration.ofSeconds(30));
        Thread.sleep(200); // the entry reaches the notifier through its dynamic reference
        publishRange(20, 30);
        awaitTrue("webhook saw 0..29, has " + okPriorities, () -> okPriorities.size() >= 30);
        assertEquals(IntStream.range(0, 30).boxed().toList(), okPriorities.subList(0, 30), "webhook: all, in order");

        // The webhook bundle is updated in place: the script notifier misses nothing meanwhile.
        h.bundle("org.halo.notify.webhook").update();
        publishRange(30, 40);
        awaitInHost("webhook-ok");
        publishRange(40, 45);
        awaitTrue("script saw 20..44", () -> logged(log).contains(44));
        List<Integer> seenByScript = logged(log);
        List<Integer> expected = new ArrayList<>(IntStream.range(0, 10).boxed().toList());
        expected.addAll(IntStream.range(20, 45).boxed().toList());
        assertEquals(expected, seenByScript, "script notifier: everything while it was there, in order");
        awaitTrue("webhook back for 40..44", () -> okPriorities.contains(44));
        System.out.println(h.execute("halo:notifiers"));
    }

    @Test
    void failingWebhookIsRetriedAndDoesNotDelayPublishing() throws Exception {
        Plugins.cfg(h, "org.halo.notify.webhook-fail.cfg", Map.of("url", url("/fail"), "retries", "2",
                "backoff.ms", "20", "halo.notifier.name", "webhook-fail"));
        awaitInHost("webhook-fail");
        int before = failingHits.get();
        long worst = publishRange(100, 110);
        awaitTrue("3 attempts per event", () -> failingHits.get() - before >= 30);
        System.out.printf("500 receiver: %d attempts for 10 events; worst publish() %d us%n",
                failingHits.get() - before, worst / 1000);
        String notifiers = h.execute("halo:notifiers");
        assertTrue(notifiers.contains("webhook-fail"), notifiers);
        // The webhook's own counters: 10 events, 3 attempts each, 2 retries each, all failed.
        String hooks = h.execute("halo:webhooks");
        String row = hooks.lines().filter(l -> l.contains("/fail")).findFirst().orElseThrow(() -> new AssertionError(hooks));
        assertTrue(row.matches(".*/fail\\s+0\\s+30\\s+20\\s+10\\s+0\\s+0\\s*"), hooks);
        System.out.println(hooks);
    }
}
