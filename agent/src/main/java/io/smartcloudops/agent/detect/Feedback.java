package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.time.Instant;
import java.util.List;

/**
 * A verdict the detector has taken into account for one host (see {@link OnlineDetector#feedback}).
 *
 * @param id      identifies it for {@link OnlineDetector#undoFeedback(String)}
 * @param host    the host
 * @param metrics the metrics it applies to (the anomaly's metrics)
 * @param from    start of the flagged time range (the anomaly's start)
 * @param to      end of it (the anomaly's end, or its raise time while open)
 * @param verdict the verdict
 * @param given   when it was given
 * @param pattern what it acts on, as kept with the verdict: used when the detector no longer remembers the incident
 *                (it learned the host again); null when not known
 */
public record Feedback(String id, String host, List<Metric> metrics, Instant from, Instant to, Verdict verdict, Instant given,
                       VerdictPattern pattern) {

    /** A verdict on an incident the detector remembers (no pattern kept with it). */
    public Feedback(String id, String host, List<Metric> metrics, Instant from, Instant to, Verdict verdict, Instant given) {
        this(id, host, metrics, from, to, verdict, given, null);
    }

    public Feedback {
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("feedback needs at least one metric");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("feedback time range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
