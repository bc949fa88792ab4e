package io.smartcloudops.api.anomaly;

import io.smartcloudops.api.oncall.Acknowledgement;
import java.time.Instant;
import java.util.List;

/**
 * One incident on one host: consecutive anomalous samples are grouped into one record.
 *
 * @param id           stable identifier
 * @param host         the host
 * @param start        first anomalous sample of the incident
 * @param timestamp    when the anomaly was raised (confirmed)
 * @param end          last anomalous sample once the incident is over (absent while open)
 * @param score        highest anomaly score in 0..1 seen in the incident
 * @param severity     {@link Severity}
 * @param metrics      metric keys that contributed most, most important first
 * @param contributors the same metrics with value, baseline and deviation
 * @param summary      one line for people, e.g. {@code cpu 97.0% (baseline 12.0%)}
 * @param silenced     id of a silence that held while the incident was open (absent otherwise)
 * @param acknowledged who took the incident in hand, and when (absent until someone does)
 */
public record Anomaly(
        String id,
        String host,
        Instant start,
        Instant timestamp,
        Instant end,
        double score,
        Severity severity,
        List<String> metrics,
        List<Contributor> contributors,
        String summary,
        String silenced,
        Acknowledgement acknowledged) {

    /** A record as the detector makes it: not silenced, not acknowledged. */
    public Anomaly(String id, String host, Instant start, Instant timestamp, Instant end, double score,
                   Severity severity, List<String> metrics, List<Contributor> contributors, String summary) {
        this(id, host, start, timestamp, end, score, severity, metrics, contributors, summary, null, null);
    }

    /** This anomaly with the marks people and silences put on it. */
    public Anomaly marked(String silencedBy, Acknowledgement ack) {
        return new Anomaly(id, host, start, timestamp, end, score, severity, metrics, contributors, summary, silencedBy, ack);
    }
}
