package io.smartcloudops.agent.chat.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {

    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    final ToolCatalog catalog = new ToolCatalog(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theClosedSetOfTools() {
        assertThat(catalog.definitions()).extracting(ToolDefinition::name).containsExactly("current_metrics", "series_stats",
                "recent_anomalies", "explain_anomaly", "audit_logs", "agent_status", "remediation_history", "alerts", "silences",
                "notifications", "propose_remediation");
    }

    @Test
    void schemasComeFromTheSameParametersValidationUses() {
        JsonNode schema = catalog.definition("series_stats").orElseThrow().parametersSchema();
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactly("metric", "since");
        assertThat(schema.path("properties").path("metric").path("enum")).extracting(JsonNode::asText)
                .containsExactly("cpu", "mem", "disk", "disk_io", "net_in", "net_out", "load1");
        JsonNode limit = catalog.definition("recent_anomalies").orElseThrow().parametersSchema().path("properties").path("limit");
        assertThat(limit.path("type").asText()).isEqualTo("integer");
        assertThat(limit.path("minimum").asInt()).isEqualTo(1);
        assertThat(limit.path("maximum").asInt()).isEqualTo(50);
        assertThat(catalog.definition("propose_remediation").orElseThrow().parametersSchema().path("required"))
                .extracting(JsonNode::asText).containsExactly("action", "target", "reason");
    }

    @Test
    void validCallsBecomeTypedRecords() {
        assertThat(catalog.parse("series_stats", "{\"host\":\"web-1\",\"metric\":\"CPU\",\"since\":\"1h\"}"))
                .isEqualTo(new ToolCall.SeriesStats("web-1", Metric.CPU, Instant.parse("2026-03-10T14:00:00Z"), null));
        assertThat(catalog.parse("recent_anomalies", "{\"limit\":3,\"min_severity\":\"high\",\"host\":null}"))
                .isEqualTo(new ToolCall.RecentAnomalies(3, null, Severity.HIGH, null));
        assertThat(catalog.parse("recent_anomalies", "{\"limit\":\"7\"}")).isEqualTo(new ToolCall.RecentAnomalies(7, null, null, null));
        assertThat(catalog.parse("agent_status", "")).isEqualTo(new ToolCall.Status());
        assertThat(catalog.parse("propose_remediation",
                "{\"action\":\"restart_service\",\"target\":\"web-1\",\"unit\":\"nginx\",\"reason\":\"asked\"}"))
                .isEqualTo(new ToolCall.ProposeRemediation("restart_service", "web-1", Map.of("unit", "nginx"), "asked"));
        assertThat(catalog.parse("audit_logs", "{}")).isEqualTo(
                new ToolCall.AuditLogs(Instant.parse("2026-03-10T14:00:00Z"), null, null, null, null, 20));
    }

    @Test
    void invalidCallsAreRefusedWithTheArgumentNamed() {
        refused("run_shell", "{}", "tool", "unknown tool 'run_shell'");
        refused("series_stats", "{\"metric\":\"cpu\",", "arguments", "not valid JSON");
        refused("series_stats", "[1,2]", "arguments", "must be a JSON object");
        refused("series_stats", "{\"metric\":\"cpu\"}", "since", "is required");
        refused("series_stats", "{\"metric\":\"banana\",\"since\":\"1h\"}", "metric", "'banana' is not one of cpu, mem");
        refused("series_stats", "{\"metric\":\"cpu\",\"since\":\"tomorrow-ish\"}", "since", "is not a time");
        refused("series_stats", "{\"metric\":\"cpu\",\"since\":\"2099-01-01T00:00:00Z\"}", "since", "in the future");
        refused("series_stats", "{\"metric\":\"cpu\",\"since\":\"1h\",\"until\":\"2h\"}", "until", "must be after since");
        refused("series_stats", "{\"metric\":\"cpu\",\"since\":\"1h\",\"command\":\"rm -rf /\"}", "command", "unknown argument");
        refused("current_metrics", "{\"host\":5}", "host", "must be a string");
        refused("current_metrics", "{\"host\":\"web-1\\u0000\"}", "host", "control characters");
        refused("current_metrics", "{\"host\":\"" + "x".repeat(300) + "\"}", "host", "longer than 256");
        refused("recent_anomalies", "{\"limit\":0}", "limit", "between 1 and 50");
        refused("recent_anomalies", "{\"limit\":2.5}", "limit", "whole number");
        refused("explain_anomaly", "{}", "host", "give host or anomaly_id");
        refused("propose_remediation", "{\"action\":\"reboot\",\"target\":\"web-1\",\"reason\":\"x\"}", "action", "is not one of");
        refused("propose_remediation", "{\"action\":\"scale_up\",\"target\":\"web-1\"}", "reason", "is required");
    }

    private void refused(String tool, String json, String field, String reason) {
        assertThatThrownBy(() -> catalog.parse(tool, json)).isInstanceOfSatisfying(ToolArgumentException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(reason);
        });
    }
}
