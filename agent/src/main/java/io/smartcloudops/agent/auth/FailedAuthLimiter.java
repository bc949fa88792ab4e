package io.smartcloudops.agent.auth;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.ratelimit.PerMinuteBucket;
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
    private final Map<String, PerMinuteBucket> buckets = new ConcurrentHashMap<>();
    private Counter answers;

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
        PerMinuteBucket b = buckets.get(client);
        long now = clock.millis();
        if (b == null || b.hasToken(now)) {
            return Optional.empty();
        }
        count("429");
        return Optional.of(b.untilNextToken(now));
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
        buckets.computeIfAbsent(client, k -> new PerMinuteBucket(perMinute, now)).take(now);
    }

    private void forgetRefilled(long now) {
        buckets.values().removeIf(b -> b.full(now));
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
