package io.smartcloudops.agent.rules;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import java.util.List;
import java.util.Map;

/**
 * What rules see of one host: its latest value per metric and the anomalies open on it now.
 */
public record HostFacts(Map<Metric, Double> latest, List<Anomaly> openAnomalies) {

    public HostFacts {
        latest = Map.copyOf(latest);
        openAnomalies = List.copyOf(openAnomalies);
    }
}
