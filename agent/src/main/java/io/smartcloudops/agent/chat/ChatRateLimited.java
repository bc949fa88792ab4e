package io.smartcloudops.agent.chat;

import java.time.Duration;

/** Too many questions from one token; {@link #retryAfter()} says when the next one is allowed. */
public final class ChatRateLimited extends RuntimeException {

    private final Duration retryAfter;

    public ChatRateLimited(Duration retryAfter) {
        super("rate limited for " + retryAfter, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1 (the {@code Retry-After} header). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
