package org.halo.notify.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.halo.api.notify.HaloEvent;
import org.halo.api.notify.Notifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * POSTs each event as JSON ({@link EventJson}) to one URL. {@link #notify} only queues (bounded; the
 * oldest event is dropped and counted when full) so the host's delivery thread is never held up by a
 * slow endpoint; a sender thread delivers in order with per-request timeouts and retries with
 * exponential back-off. A signature {@code X-Halo-Signature: sha256=<hex HMAC-SHA256(secret, body)>}
 * is added when a secret is configured.
 */
@Component(configurationPid = WebhookNotifier.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Notifier.class, WebhookNotifier.class}, property = Notifier.TIMEOUT_MS + ":Long=2000")
@Designate(ocd = WebhookConfig.class, factory = true)
public final class WebhookNotifier implements Notifier {

    static final String PID = "org.halo.notify.webhook";
    /** Private configuration property holding the HMAC key. */
    static final String SECRET = ".secret";
    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class.getName());

    private final URI url;
    private final byte[] secret;
    private final Duration timeout;
    private final int retries;
    private final long backoffMs;
    private final long backoffMaxMs;
    private final int capacity;
    private final String node;
    private final HttpClient client;
    private final ArrayDeque<HaloEvent> queue = new ArrayDeque<>();
    private final Thread sender;
    private volatile boolean closed;
    private long lastDropLog = System.nanoTime() - 2_000_000_000L;

    final AtomicLong delivered = new AtomicLong();
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    @Activate
    public WebhookNotifier(WebhookConfig config, java.util.Map<String, Object> properties) {
        this.url = URI.create(config.url());
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException(PID + ": url must be http(s): " + config.url());
        }
        Object key = properties.get(SECRET);
        this.secret = key == null || String.valueOf(key).isEmpty() ? null
                : String.valueOf(key).getBytes(StandardCharsets.UTF_8);
        this.timeout = Duration.ofMillis(config.timeout_ms());
        this.retries = Math.max(0, config.retries());
        this.backoffMs = Math.max(1, config.backoff_ms());
        this.backoffMaxMs = Math.max(backoffMs, config.backoff_max_ms());
        this.capacity = Math.max(1, config.queue());
        this.node = config.node().isEmpty() ? hostName() : config.node();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.sender = new Thread(this::sendLoop, "halo-webhook-" + url.getHost() + ":" + url.getPort());
        this.sender.setDaemon(true);
        this.sender.start();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
        sender.interrupt();
    }

    @Override
    public void notify(HaloEvent event) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                HaloEvent old = queue.pollFirst();
                long n = dropped.incrementAndGet();
                long now = System.nanoTime();
                if (now - lastDropLog < 1_000_000_000L) {
                    queue.addLast(event);
                    queue.notifyAll();
                    return; // at most one drop warning per second
                }
                lastDropLog = now;
                LOG.warning(() -> "webhook " + url + ": queue full, dropped event #" + old.sequence() + " (" + n + " dropped)");
            }
            queue.addLast(event);
            queue.notifyAll();
        }
    }

    private void sendLoop() {
        while (true) {
            HaloEvent e;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException ie) {
                        if (closed) {
                            return;
                        }
                    }
                }
                if (closed) {
                    return;
                }
                e = queue.pollFirst();
            }
            try {
                deliver(e);
            } catch (InterruptedException ie) {
                return;
            }
        }
    }

    /** One event: first attempt plus up to {@code retries} retries with exponential back-off. */
    private void deliver(HaloEvent e) throws InterruptedException {
        String body = EventJson.toJson(e, node);
        HttpRequest request = request(e, body);
        long wait = backoffMs;
        for (int attempt = 0; ; attempt++) {
            attempts.incrementAndGet();
            String outcome;
            boolean retryable;
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                int s = r.statusCode();
                if (s >= 200 && s < 300) {
                    delivered.incrementAndGet();
                    return;
                }
                outcome = "HTTP " + s;
                retryable = s >= 500 || s == 408 || s == 429;
            } catch (java.io.IOException ex) {
                outcome = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
                retryable = true;
            }
            if (!retryable || attempt >= retries || closed) {
                failed.incrementAndGet();
                String o = outcome;
                int tries = attempt + 1;
                LOG.warning(() -> "webhook " + url + ": event #" + e.sequence() + " not delivered after " + tries
                        + " attempt(s): " + o);
                return;
            }
            retried.incrementAndGet();
            Thread.sleep(wait);
            wait = Math.min(backoffMaxMs, wait * 2);
        }
    }

    private HttpRequest request(HaloEvent e, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "halo-webhook/1")
                .header("X-Halo-Event", EventJson.type(e))
                .header("X-Halo-Delivery", Long.toString(e.sequence()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            b.header("X-Halo-Signature", "sha256=" + hmac(secret, body));
        }
        return b.build();
    }

    static String hmac(byte[] key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    /** One line for {@code halo:webhooks}. */
    String describe() {
        return String.format("%-48s %9d %9d %8d %7d %8d %6d", url, delivered.get(), attempts.get(), retried.get(),
                failed.get(), dropped.get(), queued());
    }

    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }
}
