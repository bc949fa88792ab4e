package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * Where metrics come from.
 *
 * @param spec        {@code local}, {@code prometheus:URL}, {@code node-exporter:URL[,URL...]} or {@code replay:CSV[?speed=N]}
 * @param interval    how often to collect
 * @param timeout     per request to Prometheus / node_exporter
 * @param backfill    history loaded from Prometheus at start (0 = none)
 * @param rateWindow  range of PromQL {@code rate()} (at least twice the scrape interval)
 * @param maxBackoff  longest wait between retries while the source fails
 */
public record SourceConfig(String spec, Duration interval, Duration timeout, Duration backfill,
                           Duration rateWindow, Duration maxBackoff) {

    public static SourceConfig defaults() {
        return new SourceConfig("local", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofSeconds(30));
    }
}
