package io.smartcloudops.console.dashboard;

import java.time.Instant;

/**
 * A vertical marker on the charts: an anomaly or a remediation on a host.
 *
 * @param host  the host it belongs to
 * @param at    when it happened
 * @param kind  anomaly or remediation
 * @param label short text drawn beside the marker
 */
public record ChartMarker(String host, Instant at, Kind kind, String label) {

    /** What a marker stands for. */
    public enum Kind { ANOMALY, REMEDIATION }
}
