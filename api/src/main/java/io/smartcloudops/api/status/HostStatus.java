package io.smartcloudops.api.status;

import java.time.Instant;
import java.util.Map;

/**
 * One host the agent watches.
 *
 * @param host          host name (local source: this machine's name; Prometheus: the {@code instance} label)
 * @param lastSeen      time of the latest sample
 * @param values        latest value per metric key ({@code cpu}, {@code mem}, ...); metrics the source lacks are absent
 * @param detector      {@code learning} while the detector warms up on this host, then {@code scoring}
 * @param anomalyScore  latest anomaly score in 0..1 (absent while learning)
 * @param samples       samples held in memory for this host
 * @param detectorState the detector's state for this host in detail: time left to learn, seasons found, level
 *                      shifts (absent when the detector is off or has not seen the host)
 */
public record HostStatus(
        String host,
        Instant lastSeen,
        Map<String, Double> values,
        String detector,
        Double anomalyScore,
        long samples,
        DetectorState detectorState) {

    /** A host without the detector's detailed state. */
    public HostStatus(String host, Instant lastSeen, Map<String, Double> values, String detector, Double anomalyScore,
                      long samples) {
        this(host, lastSeen, values, detector, anomalyScore, samples, null);
    }
}
