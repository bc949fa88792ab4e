package io.smartcloudops.agent.feedback;

import io.smartcloudops.api.anomaly.Anomaly;

/**
 * Bus event: an operator gave or took back a verdict on {@code anomaly} (the record as it is now). Not an
 * {@link Anomaly} event on purpose: the rule engine must not take a verdict for a new state of the incident.
 */
public record VerdictChanged(Anomaly anomaly) {
}
