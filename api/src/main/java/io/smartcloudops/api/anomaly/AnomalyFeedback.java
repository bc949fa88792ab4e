package io.smartcloudops.api.anomaly;

import java.time.Instant;

/**
 * The verdict in force on an anomaly: what an operator said of it, who and when.
 *
 * @param verdict {@link Verdict#FALSE_ALARM} or {@link Verdict#CONFIRMED}
 * @param note    the operator's words (absent when none were given)
 * @param actor   who gave it: the API token's name
 * @param at      when it was given
 */
public record AnomalyFeedback(Verdict verdict, String note, String actor, Instant at) {
}
