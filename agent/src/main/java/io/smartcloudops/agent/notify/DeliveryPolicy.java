package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.config.NotifyConfig;
import java.time.Duration;

/** How hard a channel tries: per-attempt timeout, attempts, back-off, rate limit, queue size. */
public record DeliveryPolicy(Duration timeout, int attempts, Duration backoff, Duration maxBackoff, int ratePerMinute,
                             int queue) {

    public static DeliveryPolicy of(NotifyConfig c) {
        return new DeliveryPolicy(c.timeout(), c.attempts(), c.backoff(), c.maxBackoff(), c.ratePerMinute(), c.queue());
    }

    /** The wait before attempt {@code attempt + 1}: the back-off doubled per attempt, at most {@code maxBackoff}. */
    Duration backoffAfter(int attempt) {
        Duration d = backoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
