package org.halo.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.halo.api.notify.RealServerEvent;
import org.halo.api.notify.VrrpEvent;
import org.halo.api.vrrp.VrrpState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

    private HttpServer server;
    private WebhookNotifier notifier;
    private final CountDownLatch release = new CountDownLatch(1);

    /** A receiver on 127.0.0.1 with a scripted status per request. */
    private String serve(java.util.function.ToIntFunction<HttpExchange> handler) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", ex -> {
            int status = handler.applyAsInt(ex);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (notifier != null) {
            notifier.deactivate();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    static WebhookConfig config(String url, long timeoutMs, int retries, long backoffMs, int queue) {
        return new WebhookConfig() {
            public Class<? extends Annotation> annotationType() { return WebhookConfig.class; }
            public String url() { return url; }
            public long timeout_ms() { return timeoutMs; }
            public int retries() { return retries; }
            public long backoff_ms() { return backoffMs; }
            public long backoff_max_ms() { return 1000; }
            public int queue() { return queue; }
            public String node() { return "node-a"; }
        };
    }

    static VrrpEvent event(long seq) {
        return new VrrpEvent(seq, Instant.parse("2026-11-23T20:00:00Z"), VrrpEvent.Scope.INSTANCE, "VI_\"1\"",
                VrrpState.MASTER, VrrpState.BACKUP, 150);
    }

    static void await(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void postsSignedJsonInOrder() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> sigs = new CopyOnWriteArrayList<>();
        String url = serve(ex -> {
            try {
                bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                sigs.add(ex.getRequestHeaders().getFirst("X-Halo-Signature"));
                assertEquals("application/json", ex.getRequestHeaders().getFirst("Content-Type"));
            } catch (Exception e) {
                return 400;
            }
            return 204;
        });
        notifier = new WebhookNotifier(config(url, 2000, 0, 10, 100), Map.of(WebhookNotifier.SECRET, "s3cret"));
        notifier.notify(event(1));
        notifier.notify(new RealServerEvent(2, Instant.parse("2026-11-23T20:00:01Z"), "[10.0.0.1]:tcp:80",
                "[192.168.0.2]:tcp:80", false, "MISC_CHECK"));
        await("two delivered", () -> notifier.delivered.get() == 2);
        assertEquals("{\"schema\":\"halo.event/1\",\"sequence\":1,\"time\":\"2026-11-23T20:00:00Z\",\"node\":\"node-a\","
                + "\"type\":\"vrrp\",\"scope\":\"INSTANCE\",\"name\":\"VI_\\\"1\\\"\",\"state\":\"MASTER\","
                + "\"previous\":\"BACKUP\",\"priority\":150}", bodies.get(0));
        assertTrue(bodies.get(1).contains("\"type\":\"real_server\"") && bodies.get(1).contains("\"state\":\"DOWN\""));
        // Reference value computed independently: printf '%s' BODY | openssl dgst -sha256 -hmac s3cret
        assertEquals("sha256=" + WebhookNotifier.hmac("s3cret".getBytes(StandardCharsets.UTF_8), bodies.get(0)), sigs.get(0));
        assertEquals("sha256=" + "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                "sha256=" + WebhookNotifier.hmac("key".getBytes(StandardCharsets.UTF_8),
                        "The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void receiverReturning500IsRetriedWithBackoffThenCountedFailed() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        List<Long> times = new CopyOnWriteArrayList<>();
        String url = serve(ex -> {
            hits.incrementAndGet();
            times.add(System.nanoTime());
            return 500;
        });
        notifier = new WebhookNotifier(config(url, 2000, 3, 40, 100), Map.of());
        long t0 = System.nanoTime();
        notifier.notify(event(1));
        long notifyMicros = (System.nanoTime() - t0) / 1000;
        await("failed", () -> notifier.failed.get() == 1);
        assertEquals(4, hits.get(), "first attempt + 3 retries");
        assertEquals(3, notifier.retried.get());
        long gap1 = (times.get(1) - times.get(0)) / 1_000_000;
        long gap3 = (times.get(3) - times.get(2)) / 1_000_000;
        assertTrue(gap1 >= 40 && gap3 >= 160, "exponential back-off: " + gap1 + " ms then " + gap3 + " ms");
        System.out.printf("500 receiver: notify() returned in %d us; retry gaps %d ms .. %d ms%n", notifyMicros, gap1, gap3);
    }

    @Test
    void stallingReceiverTimesOutAndOverflowIsDroppedAndCounted() throws Exception {
        String url = serve(ex -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        // 1 s timeout, one retry: the sender holds its event for at least 2 s while 50 arrive.
        notifier = new WebhookNotifier(config(url, 1000, 1, 10, 5), Map.of());
        long worst = 0;
        for (int i = 1; i <= 50; i++) {
            long t0 = System.nanoTime();
            notifier.notify(event(i));
            worst = Math.max(worst, System.nanoTime() - t0);
        }
        // The sender holds at most one event (44 dropped) or had not taken one yet (45); the queue holds 5.
        assertTrue(notifier.dropped.get() == 44 || notifier.dropped.get() == 45, "dropped " + notifier.dropped.get());
        assertEquals(5, notifier.queued());
        await("first event timed out twice", () -> notifier.failed.get() >= 1);
        assertTrue(notifier.retried.get() >= 1);
        System.out.printf("stalling receiver: worst notify() %d us, dropped %d, failed %d%n", worst / 1000,
                notifier.dropped.get(), notifier.failed.get());
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        String url = serve(ex -> {
            hits.incrementAndGet();
            return 404;
        });
        notifier = new WebhookNotifier(config(url, 2000, 3, 10, 10), Map.of());
        notifier.notify(event(1));
        await("failed", () -> notifier.failed.get() == 1);
        assertEquals(1, hits.get());
    }
}
