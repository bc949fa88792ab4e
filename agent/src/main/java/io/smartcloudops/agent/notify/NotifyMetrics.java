package io.smartcloudops.agent.notify;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code smartcloudops_notifications_total{channel,result}} ({@code sent}, {@code failed} after every attempt,
 * {@code dropped} from a full queue), {@code smartcloudops_notification_retries_total{channel}} and
 * {@code smartcloudops_notification_rate_limited_total{channel}}. Channels are the configured ones: a bounded set.
 */
final class NotifyMetrics {

    private final Counter notifications;
    private final Counter retries;
    private final Counter limited;

    NotifyMetrics(PrometheusRegistry registry) {
        notifications = Counter.builder().name("smartcloudops_notifications_total")
                .help("Notifications by channel and result: sent, failed (every attempt failed or a final 4xx), dropped (queue full)")
                .labelNames("channel", "result").register(registry);
        retries = Counter.builder().name("smartcloudops_notification_retries_total")
                .help("Delivery attempts retried after a timeout, connection error, 408, 429 or 5xx").labelNames("channel")
                .register(registry);
        limited = Counter.builder().name("smartcloudops_notification_rate_limited_total")
                .help("Notifications that waited for the channel's rate limit (notify.rate_per_minute)").labelNames("channel")
                .register(registry);
    }

    void sent(String channel) {
        notifications.labelValues(channel, "sent").inc();
    }

    void failed(String channel) {
        notifications.labelValues(channel, "failed").inc();
    }

    void dropped(String channel) {
        notifications.labelValues(channel, "dropped").inc();
    }

    void retried(String channel) {
        retries.labelValues(channel).inc();
    }

    void rateLimited(String channel) {
        limited.labelValues(channel).inc();
    }
}
