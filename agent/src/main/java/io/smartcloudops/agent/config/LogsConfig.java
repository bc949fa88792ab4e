package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * The audit and anomaly logs ({@code remediation-YYYY-MM-DD.jsonl}, {@code anomalies-YYYY-MM-DD.jsonl}).
 *
 * @param dir            directory, relative to the working directory unless absolute
 * @param retentionDays  daily files older than this are deleted (0 keeps everything)
 * @param anchorTopicArn SNS topic the audit chain's head is published to (empty: only /metrics publishes it)
 * @param anchorInterval how often the head is published there when it changed
 */
public record LogsConfig(String dir, int retentionDays, String anchorTopicArn, Duration anchorInterval) {

    public static LogsConfig defaults() {
        return new LogsConfig("logs", 90, null, Duration.ofHours(1));
    }
}
