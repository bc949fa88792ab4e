package io.smartcloudops.agent.config;

/**
 * Alerts received from Alertmanager and Grafana ({@code POST /webhooks/alertmanager}, {@code /webhooks/grafana}).
 *
 * @param hostLabel the label that names the host an alert is about; its port is stripped and the names of
 *                  {@code remediation.targets} applied ({@code 10.0.1.5:9100} → {@code 10.0.1.5}; an instance
 *                  id listed as a target's {@code instance_id} → that target's name)
 * @param recent    alerts kept in memory for {@code GET /alerts} (the oldest go first; the files keep all)
 */
public record AlertsConfig(String hostLabel, int recent) {

    public static AlertsConfig defaults() {
        return new AlertsConfig("instance", 10_000);
    }
}
