package io.smartcloudops.agent.alerts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the agent reads of a webhook body (Alertmanager's and Grafana's): the version, the alerts, each alert
 * checked field by field by {@link WebhookPayloads}, and how many alerts of the group the sender left out
 * ({@code truncatedAlerts}, beyond its {@code max_alerts}). Everything else the senders put in (group labels,
 * URLs, Grafana's values) is ignored: they add fields over time. The senders' names are camelCase, not the
 * project's snake_case.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookBody(String version, JsonNode alerts, @JsonProperty("truncatedAlerts") JsonNode truncatedAlerts) {
}
