package io.smartcloudops.api.series;

import java.time.Instant;

/**
 * A run of points of one resolution in a {@link Series}: {@code raw} (every sample collected) or {@code 1m} (one
 * point a minute: mean, min, max and count of the minute's samples).
 *
 * @param from       the first point's timestamp
 * @param to         the last point's timestamp
 * @param resolution {@code raw} or {@code 1m}
 * @param points     how many points of the series the run holds
 */
public record SeriesRun(Instant from, Instant to, String resolution, int points) {

    public static final String RAW = "raw";
    public static final String MINUTE = "1m";
}
