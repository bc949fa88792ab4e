package io.smartcloudops.agent.rules;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import java.util.List;
import java.util.Map;

/**
 * What rules see of one host: its latest value per metric, the anomalies open on it now and the alerts
 * (from Alertmanager or Grafana) firing on it now.
 */
public record HostFacts(Map<Metric, Double> latest, List<Anomaly> openAnomalies, List<Alert> firingAlerts) {

    public HostFacts {
        latest = Map.copyOf(latest);
        openAnomalies = List.copyOf(openAnomalies);
        firingAlerts = List.copyOf(firingAlerts);
    }

    public HostFacts(Map<Metric, Double> latest, List<Anomaly> openAnomalies) {
        this(latest, openAnomalies, List.of());
    }
}
