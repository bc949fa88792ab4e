package io.smartcloudops.agent.collect;

import io.smartcloudops.api.status.SourceStatus;
import java.time.Duration;
import java.time.Instant;

/** The collector's running record of how the source is doing; snapshots are {@link SourceStatus}. */
final class SourceHealth {

    private final String spec;
    private final String kind;
    private final Duration interval;
    private boolean healthy;
    private String reason = "no collection yet";
    private Instant lastSuccess;
    private Instant lastAttempt;
    private int consecutiveFailures;

    SourceHealth(String spec, String kind, Duration interval) {
        this.spec = spec;
        this.kind = kind;
        this.interval = interval;
    }

    /** @return true if health changed */
    synchronized boolean success(Instant at, String note) {
        boolean changed = !healthy;
        healthy = true;
        reason = note;
        lastSuccess = at;
        lastAttempt = at;
        consecutiveFailures = 0;
        return changed;
    }

    /** @return true if health changed */
    synchronized boolean failure(Instant at, String why) {
        boolean changed = healthy || consecutiveFailures == 0;
        healthy = false;
        reason = why;
        lastAttempt = at;
        consecutiveFailures++;
        return changed;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized Instant lastSuccess() {
        return lastSuccess;
    }

    synchronized SourceStatus snapshot() {
        return new SourceStatus(spec, kind, healthy, reason, lastSuccess, lastAttempt, consecutiveFailures,
                interval.toMillis() / 1000.0);
    }
}
