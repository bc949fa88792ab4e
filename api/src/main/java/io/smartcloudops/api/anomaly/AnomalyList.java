package io.smartcloudops.api.anomaly;

import java.util.List;

/** {@code GET /anomalies}: newest first. */
public record AnomalyList(List<Anomaly> anomalies) {
}
