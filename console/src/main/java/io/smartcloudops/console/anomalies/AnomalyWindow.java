package io.smartcloudops.console.anomalies;

import java.time.Duration;

/** The "since" choices of the anomaly table. */
public enum AnomalyWindow {
    H1("last hour", Duration.ofHours(1)),
    H6("last 6 hours", Duration.ofHours(6)),
    H24("last 24 hours", Duration.ofHours(24)),
    D7("last 7 days", Duration.ofDays(7));

    private final String label;
    private final Duration duration;

    AnomalyWindow(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return label;
    }
}
