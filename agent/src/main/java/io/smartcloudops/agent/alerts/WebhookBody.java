package io.smartcloudops.agent.alerts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the agent reads of a webhook body (Alertmanager's and Grafana's): the version and the alerts, each alert
 * checked field by field by {@link WebhookPayloads}. Everything else the senders put in (group labels, URLs,
 * Grafana's values) is ignored: they add fields over time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookBody(String version, JsonNode alerts) {
}
