package io.smartcloudops.agent.detect;

import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.util.List;

/**
 * The detector's verdict on one row.
 *
 * @param row          row index in the series (0-based)
 * @param scoring      false while the series is still learning
 * @param score        anomaly score in 0..1: r / (1 + r) with r = novelty / band novelty, so 0.5 is the level at which
 *                     a row counts towards an incident; 0 while learning
 * @param novelty      largest feature novelty over the metrics, in scale units, after operator feedback
 * @param anomalous    whether the row counts towards raising an incident
 * @param step         what the row did to the incident state
 * @param severity     for rows of an open incident where a metric moved, else null
 * @param contributors metrics that moved, most novel first (empty outside an incident, and on its later rows when
 *                     no metric moves any more)
 * @param summary      one line for people ({@code cpu 97.0% (expected 20.0-35.0% at this hour)}); empty outside incidents
 */
public record RowResult(long row, boolean scoring, double score, double novelty, boolean anomalous,
                        IncidentStep step, Severity severity, List<Contributor> contributors, String summary) {

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
