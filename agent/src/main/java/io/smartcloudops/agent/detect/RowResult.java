package io.smartcloudops.agent.detect;

import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.util.List;

/**
 * The detector's verdict on one row.
 *
 * @param row          row index in the series (0-based)
 * @param scoring      false while the series is still learning
 * @param score        anomaly score in 0..1: r / (1 + r) with r = novelty / the row's threshold (the novelty
 *                     threshold when the forest confirms the row, else the clear-novelty level), so 0.5 is
 *                     the decision boundary; 0 while learning
 * @param novelty      largest feature novelty in scale units
 * @param isolation    isolation-forest score in (0, 1)
 * @param anomalous    novelty at or over the clear-novelty level, or over the novelty threshold with isolation
 *                     at or over the gate
 * @param step         what the row did to the incident state
 * @param severity     for rows of an open incident, else null
 * @param contributors metrics that drove it, most important first (empty for normal rows)
 */
public record RowResult(long row, boolean scoring, double score, double novelty, double isolation, boolean anomalous,
                        IncidentStep step, Severity severity, List<Contributor> contributors) {

    public RowResult {
        contributors = List.copyOf(contributors);
    }

    public boolean raised() {
        return step == IncidentStep.RAISED;
    }

    public boolean inIncident() {
        return step == IncidentStep.RAISED || step == IncidentStep.ONGOING;
    }
}
