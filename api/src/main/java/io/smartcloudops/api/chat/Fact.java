package io.smartcloudops.api.chat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One tool call an answer is based on.
 *
 * @param tool      the tool: {@code current_metrics}, {@code series_stats}, {@code recent_anomalies},
 *                  {@code explain_anomaly}, {@code audit_logs}, {@code agent_status},
 *                  {@code remediation_history} or {@code propose_remediation}
 * @param arguments the validated arguments it ran with
 * @param result    what it returned (secrets redacted); an {@code error} object when it was refused
 * @param truncated true when the result was cut to the size limit (the result then says how much was left out)
 */
public record Fact(String tool, JsonNode arguments, JsonNode result, boolean truncated) {
}
