package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.ratelimit.PerMinuteBucket;
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
    private final Map<String, PerMinuteBucket> buckets = new ConcurrentHashMap<>();

    public TokenRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one question from {@code key}'s bucket; empty when allowed, else how long to wait. */
    public Optional<Duration> acquire(String key) {
        long now = clock.millis();
        PerMinuteBucket b = buckets.computeIfAbsent(key, k -> new PerMinuteBucket(perMinute, now));
        return b.tryTake(now) ? Optional.empty() : Optional.of(b.untilNextToken(now));
    }

    public int perMinute() {
        return perMinute;
    }
}
