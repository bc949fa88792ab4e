package io.smartcloudops.agent.ratelimit;

import java.time.Duration;

/**
 * A token bucket that holds at most {@code perMinute} tokens and refills evenly over a minute; it starts full.
 * The chat's question limit and the failed-authentication limit both count with it.
 */
public final class PerMinuteBucket {

    private final int perMinute;
    private double tokens;
    private long lastMillis;

    public PerMinuteBucket(int perMinute, long nowMillis) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("a bucket needs at least one token a minute, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.tokens = perMinute;
        this.lastMillis = nowMillis;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Takes one token, or nothing when the bucket is empty (a failure is counted even when over the limit). */
    public synchronized void take(long nowMillis) {
        refill(nowMillis);
        tokens = Math.max(0, tokens - 1);
    }

    /** Whether a token is there to take. */
    public synchronized boolean hasToken(long nowMillis) {
        refill(nowMillis);
        return tokens >= 1;
    }

    /** Whether the bucket has refilled completely (nothing taken recently). */
    public synchronized boolean full(long nowMillis) {
        refill(nowMillis);
        return tokens >= perMinute;
    }

    /** How long until the next token; at least a millisecond. */
    public synchronized Duration untilNextToken(long nowMillis) {
        refill(nowMillis);
        long waitMillis = (long) Math.ceil(Math.max(0, 1 - tokens) * 60_000.0 / perMinute);
        return Duration.ofMillis(Math.max(1, waitMillis));
    }

    private void refill(long nowMillis) {
        tokens = Math.min(perMinute, tokens + Math.max(0, nowMillis - lastMillis) * (perMinute / 60_000.0));
        lastMillis = Math.max(lastMillis, nowMillis);
    }
}
