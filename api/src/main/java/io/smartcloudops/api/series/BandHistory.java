package io.smartcloudops.api.series;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /series/band?host=&metric=&since=}: the band the detector expected of one metric of one host,
 * oldest first, as segments of at least a minute (a band that does not change is one segment). Time without
 * a segment had no band: the host was learning, or not reporting.
 *
 * @param host     the host
 * @param metric   the metric key
 * @param unit     unit of the values ({@code %}, {@code B/s} or empty)
 * @param since    start of the requested range
 * @param segments the segments overlapping the range, oldest first
 */
public record BandHistory(String host, String metric, String unit, Instant since, List<BandSegment> segments) {
}
