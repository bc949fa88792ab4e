package io.smartcloudops.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Notification channels next to SNS: Slack, Microsoft Teams, PagerDuty and a signed JSON webhook. Channel URLs
 * and keys never appear here: each channel names the environment variables that hold them, or they are read
 * from SSM ({@code <ssm.parameter_prefix>/notify/<channel>/url|routing_key|secret}).
 *
 * @param channels       by name
 * @param anomalies      anomaly severity ({@code low}, {@code medium}, {@code high}, {@code critical}) → channels
 * @param alerts         an alert's {@code severity} label → channels; {@code "*"} for any other alert
 * @param repeatInterval an open, unacknowledged, unsilenced anomaly or alert is sent again this often (0 = never)
 * @param timeout        longest one delivery attempt may take
 * @param attempts       deliveries tried per message (timeouts, connection errors, 408, 429 and 5xx are retried)
 * @param backoff        wait before the first retry; doubles up to {@code max_backoff}
 * @param maxBackoff     longest wait between attempts (also caps a 429's Retry-After)
 * @param ratePerMinute  messages per channel per minute; more wait in the channel's queue
 * @param queue          messages a channel holds while it is slow or down; beyond, the oldest are dropped
 */
public record NotifyConfig(
        Map<String, ChannelConfig> channels,
        Map<String, List<String>> anomalies,
        Map<String, List<String>> alerts,
        Duration repeatInterval,
        Duration timeout,
        int attempts,
        Duration backoff,
        Duration maxBackoff,
        int ratePerMinute,
        int queue) {

    public NotifyConfig {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        anomalies = anomalies == null ? Map.of() : Map.copyOf(anomalies);
        alerts = alerts == null ? Map.of() : Map.copyOf(alerts);
    }

    public static NotifyConfig defaults() {
        return new NotifyConfig(Map.of(), Map.of(), Map.of(), Duration.ofHours(4), Duration.ofSeconds(10), 5,
                Duration.ofSeconds(1), Duration.ofMinutes(1), 30, 1000);
    }

    /**
     * One channel.
     *
     * @param type          {@code slack} (incoming webhook), {@code teams} (workflow webhook), {@code pagerduty}
     *                      (Events API v2) or {@code webhook} (JSON with an HMAC-SHA256 signature)
     * @param urlEnv        environment variable holding the URL (PagerDuty: optional, the Events API by default)
     * @param routingKeyEnv PagerDuty: environment variable holding the integration's routing key
     * @param secretEnv     webhook: environment variable holding the signing secret
     */
    public record ChannelConfig(String type, String urlEnv, String routingKeyEnv, String secretEnv) {
    }
}
