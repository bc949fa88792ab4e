package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.lifecycle.Shutdown;
import io.smartcloudops.agent.alerts.DisplayText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one channel's notices, in order, on its own virtual thread: whoever hands a notice over never waits
 * (a slow or dead channel fills only its own queue; beyond {@code queue} the oldest notice is dropped and
 * counted). Within {@code rate_per_minute} (a token bucket: a burst of that many, then evenly spread), each
 * notice is tried up to {@code attempts} times: timeouts, connection errors, 408, 429 (after its Retry-After)
 * and 5xx are retried with doubling back-off; any other answer, a 4xx above all, is final at once. The URL is
 * never logged, only the channel's name.
 */
final class ChannelSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSender.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Channel channel;
    private final DeliveryPolicy policy;
    private final OkHttpClient http;
    private final Clock clock;
    private final NotifyMetrics metrics;
    /** A notice and who waits for its fate (a notify action), if anyone: empty = delivered, else the error. */
    private record Queued(Notice notice, CompletableFuture<Optional<String>> done) {
    }

    private final LinkedBlockingDeque<Queued> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final Thread worker;
    private final Consumer<Delivery> deliveries;
    private volatile boolean running = true;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant lastSuccessAt;
    private double tokens;
    private long refilledAt = System.nanoTime();

    /**
     * @param deliveries told of each notice the channel took or gave up (not of those it had nothing to say about,
     *                   nor of those still queued when the agent stops)
     */
    ChannelSender(Channel channel, DeliveryPolicy policy, OkHttpClient http, Clock clock, NotifyMetrics metrics,
                  Consumer<Delivery> deliveries) {
        this.deliveries = deliveries;
        this.channel = channel;
        this.policy = policy;
        this.http = http.newBuilder().callTimeout(policy.timeout()).connectTimeout(policy.timeout())
                .readTimeout(policy.timeout()).writeTimeout(policy.timeout()).followRedirects(false)
                .retryOnConnectionFailure(false).build();
        this.clock = clock;
        this.metrics = metrics;
        this.tokens = policy.ratePerMinute();
        this.worker = Thread.ofVirtual().name("notify-" + channel.name()).start(this::run);
    }

    Channel channel() {
        return channel;
    }

    /** Queues a notice; never blocks. */
    void offer(Notice n) {
        track(n);
    }

    /** Queues a notice; the future completes once it is delivered (empty) or given up (the error). Never blocks. */
    CompletableFuture<Optional<String>> track(Notice n) {
        while (queue.size() >= policy.queue()) {
            Queued oldest = queue.pollFirst();
            if (oldest != null) {
                dropped.incrementAndGet();
                metrics.dropped(channel.name());
                oldest.done().complete(Optional.of("dropped: the channel's queue was full"));
                deliveries.accept(Delivery.of(oldest.notice(), channel, clock.instant(), "dropped: the channel's queue was full"));
                LOG.warn("notification channel {}: queue full ({}), oldest notice dropped", channel.name(), policy.queue());
            }
        }
        CompletableFuture<Optional<String>> done = new CompletableFuture<>();
        queue.offerLast(new Queued(n, done));
        return done;
    }

    /** Notices waiting or being sent: 0 when the channel is idle. */
    int pending() {
        return queue.size() + inFlight.get();
    }

    int queued() {
        return queue.size();
    }

    /** False once the last delivery failed for good, until one succeeds again. */
    boolean healthy() {
        Instant err = lastErrorAt;
        Instant ok = lastSuccessAt;
        return err == null || ok != null && ok.isAfter(err);
    }

    private void run() {
        while (running) {
            Queued q;
            try {
                q = queue.takeFirst();
            } catch (InterruptedException e) {
                return;
            }
            inFlight.incrementAndGet();
            try {
                awaitToken();
                boolean says = channel.render(q.notice()).isPresent();
                Optional<String> outcome = deliver(q.notice());
                if (says) {
                    deliveries.accept(Delivery.of(q.notice(), channel, clock.instant(), outcome.orElse(null)));
                }
                q.done().complete(outcome);
            } catch (InterruptedException e) {
                q.done().complete(Optional.of("the agent stopped"));
                return;
            } catch (RuntimeException e) {
                String error = fail("could not render or send: " + e.getClass().getSimpleName());
                q.done().complete(Optional.of(error));
                deliveries.accept(Delivery.of(q.notice(), channel, clock.instant(), error));
                LOG.error("notification channel {}: unexpected failure", channel.name(), e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Empty when delivered (or nothing to say on this channel), else the error it was given up with. */
    private Optional<String> deliver(Notice n) throws InterruptedException {
        String error = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            Optional<OutgoingRequest> r = channel.render(n.at(clock.instant()));
            if (r.isEmpty()) {
                return Optional.empty();  // nothing to say on this channel for this notice
            }
            Duration wait = policy.backoffAfter(attempt);
            boolean retry;
            try (Response response = http.newCall(request(r.get())).execute()) {
                if (response.isSuccessful()) {
                    sent.incrementAndGet();
                    lastSuccessAt = clock.instant();
                    metrics.sent(channel.name());
                    return Optional.empty();
                }
                int code = response.code();
                error = "HTTP " + code + answer(response);
                retry = code == 408 || code == 429 || code >= 500;
                Duration asked = code == 429 ? retryAfter(response).orElse(Duration.ZERO) : Duration.ZERO;
                if (asked.compareTo(wait) > 0) {
                    wait = asked;
                }
            } catch (IOException e) {
                error = reason(e);
                retry = true;
            }
            if (!retry || attempt == policy.attempts()) {
                break;
            }
            retries.incrementAndGet();
            metrics.retried(channel.name());
            LOG.info("notification channel {}: attempt {} of {} failed ({}), retrying in {} ms", channel.name(), attempt,
                    policy.attempts(), error, wait.toMillis());
            Thread.sleep(wait.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff().toMillis() : wait.toMillis());
        }
        return Optional.of(fail(n.kind().key() + " " + n.subject().id() + ": " + error));
    }

    private String fail(String error) {
        failed.incrementAndGet();
        lastError = error;
        lastErrorAt = clock.instant();
        metrics.failed(channel.name());
        LOG.warn("notification channel {}: not delivered: {}", channel.name(), error);
        return error;
    }

    private static Request request(OutgoingRequest r) {
        Request.Builder b = new Request.Builder().url(r.url()).post(RequestBody.create(r.json(), JSON))
                .header("User-Agent", "smartcloudops-agent");
        r.headers().forEach(b::header);
        return b.build();
    }

    private static String answer(Response response) {
        try {
            String body = response.peekBody(512).string().strip();
            return body.isEmpty() ? "" : ": " + DisplayText.cut(body, 200);
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<Duration> retryAfter(Response response) {
        String h = response.header("Retry-After");
        if (h == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(h.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** In the agent's words: the exception's own message can quote the URL. */
    static String reason(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof SSLException) {
            return "TLS failure";
        }
        return "connection failed (" + e.getClass().getSimpleName() + ")";
    }

    private void awaitToken() throws InterruptedException {
        double perNano = policy.ratePerMinute() / 60e9;
        boolean waited = false;
        while (true) {
            long now = System.nanoTime();
            tokens = Math.min(policy.ratePerMinute(), tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            if (!waited) {
                waited = true;
                rateLimited.incrementAndGet();
                metrics.rateLimited(channel.name());
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(1_000_000L, (long) ((1 - tokens) / perNano)));
        }
    }

    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", channel.name());
        m.put("type", channel.type());
        m.put("healthy", healthy());
        m.put("sent", sent.get());
        m.put("failed", failed.get());
        m.put("retries", retries.get());
        m.put("dropped", dropped.get());
        m.put("rate_limited", rateLimited.get());
        m.put("queued", queue.size());
        if (lastError != null) {
            m.put("last_error", lastError);
            m.put("last_error_at", lastErrorAt);
        }
        if (lastSuccessAt != null) {
            m.put("last_success_at", lastSuccessAt);
        }
        return m;
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();  // it waits on the queue, a back-off or the channel's server, never on a file
        Shutdown.join(worker, "notification channel " + channel.name());
    }
}
