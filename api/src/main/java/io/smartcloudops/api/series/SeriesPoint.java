package io.smartcloudops.api.series;

import java.time.Instant;

/** One sample of one metric. */
public record SeriesPoint(Instant timestamp, double value) {
}
