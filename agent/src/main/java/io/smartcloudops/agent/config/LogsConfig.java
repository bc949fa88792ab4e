package io.smartcloudops.agent.config;

/**
 * The audit and anomaly logs ({@code remediation-YYYY-MM-DD.jsonl}, {@code anomalies-YYYY-MM-DD.jsonl}).
 *
 * @param dir           directory, relative to the working directory unless absolute
 * @param retentionDays daily files older than this are deleted (0 keeps everything)
 */
public record LogsConfig(String dir, int retentionDays) {

    public static LogsConfig defaults() {
        return new LogsConfig("logs", 90);
    }
}
