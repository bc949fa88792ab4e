package io.smartcloudops.agent.auth;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per client address: a bucket of {@code perMinute} failures per address, refilled
 * evenly over a minute (the chat's limit, applied to wrong tokens). While an address's bucket is empty every
 * request from it that carries a token is refused before the token is checked, so a right guess looks like
 * a wrong one until the bucket refills. Addresses whose bucket is full again are forgotten once more than
 * {@link #MAX_CLIENTS} are tracked, so the map stays bounded under a spray of addresses.
 */
public final class FailedAuthLimiter {

    static final int MAX_CLIENTS = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private Counter answers;

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.lastMillis = at;
        }

        void refill(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + Math.max(0, now - lastMillis) * (perMinute / 60_000.0));
            lastMillis = now;
        }
    }

    /** @param perMinute failed authentications allowed per address and minute; 0 turns the limit off */
    public FailedAuthLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** No limit (a server built without one, e.g. in tests of other things). */
    public static FailedAuthLimiter unlimited() {
        return new FailedAuthLimiter(0, Clock.systemUTC());
    }

    /** {@code smartcloudops_auth_failures_total{answer="401"|"429"}}. */
    public void register(PrometheusRegistry registry) {
        answers = Counter.builder().name("smartcloudops_auth_failures_total")
                .help("Requests with a wrong token: answered 401, or 429 once the address used up auth.failures_per_minute")
                .labelNames("answer").register(registry);
        answers.labelValues("401");
        answers.labelValues("429");
    }

    /** How long {@code client} must wait before its next token is checked; empty when it may try now. */
    public Optional<Duration> blocked(String client) {
        if (perMinute <= 0) {
            return Optional.empty();
        }
        Bucket b = buckets.get(client);
        if (b == null) {
            return Optional.empty();
        }
        synchronized (b) {
            b.refill(clock.millis(), perMinute);
            if (b.tokens >= 1) {
                return Optional.empty();
            }
            count("429");
            long waitMillis = (long) Math.ceil((1 - b.tokens) * 60_000.0 / perMinute);
            return Optional.of(Duration.ofMillis(Math.max(1, waitMillis)));
        }
    }

    /** Records a wrong token from {@code client}. */
    public void failed(String client) {
        count("401");
        if (perMinute <= 0) {
            return;
        }
        long now = clock.millis();
        if (buckets.size() >= MAX_CLIENTS) {
            forgetRefilled(now);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(perMinute, now));
        synchronized (b) {
            b.refill(now, perMinute);
            b.tokens = Math.max(0, b.tokens - 1);
        }
    }

    private void forgetRefilled(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().refill(now, perMinute);
                return e.getValue().tokens >= perMinute;
            }
        });
    }

    private void count(String answer) {
        if (answers != null) {
            answers.labelValues(answer).inc();
        }
    }

    public int perMinute() {
        return perMinute;
    }
}
