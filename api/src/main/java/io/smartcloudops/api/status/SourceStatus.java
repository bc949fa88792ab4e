package io.smartcloudops.api.status;

import java.time.Instant;

/**
 * Health of the metric source.
 *
 * @param spec                the source as configured, e.g. {@code prometheus:http://127.0.0.1:9090}
 * @param kind                {@code local}, {@code prometheus}, {@code node-exporter} or {@code replay}
 * @param healthy             whether the last collection succeeded
 * @param reason              why it is unhealthy (absent when healthy)
 * @param lastSuccess         time of the last successful collection (absent before the first)
 * @param lastAttempt         time of the last attempt
 * @param consecutiveFailures failed attempts since the last success
 * @param intervalSeconds     the collection interval
 */
public record SourceStatus(
        String spec,
        String kind,
        boolean healthy,
        String reason,
        Instant lastSuccess,
        Instant lastAttempt,
        int consecutiveFailures,
        double intervalSeconds) {
}
