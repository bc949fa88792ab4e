package io.smartcloudops.agent.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Questions per API token: a bucket of {@code perMinute} questions per token, refilled evenly over a
 * minute. Keys are token names, a set bounded by the configuration.
 */
public final class TokenRateLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.lastMillis = at;
        }
    }

    public TokenRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one question from {@code key}'s bucket; empty when allowed, else how long to wait. */
    public Optional<Duration> acquire(String key) {
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (b) {
            double perMilli = perMinute / 60_000.0;
            long elapsed = Math.max(0, now - b.lastMillis);
            b.tokens = Math.min(perMinute, b.tokens + elapsed * perMilli);
            b.lastMillis = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Optional.empty();
            }
            long waitMillis = (long) Math.ceil((1 - b.tokens) / perMilli);
            return Optional.of(Duration.ofMillis(Math.max(1, waitMillis)));
        }
    }

    public int perMinute() {
        return perMinute;
    }
}
