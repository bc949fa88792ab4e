package io.smartcloudops.console.dashboard;

import java.time.Duration;

/** The chart ranges the dashboard offers; {@link #query()} is what {@code /series?since=} gets. */
public enum TimeRange {
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H6("6h", Duration.ofHours(6)),
    H24("24h", Duration.ofHours(24));

    private final String label;
    private final Duration duration;

    TimeRange(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    public String query() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
