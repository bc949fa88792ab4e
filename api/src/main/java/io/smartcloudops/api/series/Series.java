package io.smartcloudops.api.series;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /series?host=&metric=&since=}: one metric of one host, oldest point first.
 *
 * @param host   the host
 * @param metric the metric key
 * @param unit   unit of the values ({@code %}, {@code B/s} or empty)
 * @param since  start of the requested range
 * @param points the samples in the range, oldest first
 */
public record Series(String host, String metric, String unit, Instant since, List<SeriesPoint> points) {
}
