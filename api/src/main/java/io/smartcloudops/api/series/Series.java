package io.smartcloudops.api.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /series?host=&metric=&since=}: one metric of one host, oldest point first. The agent keeps raw
 * samples for {@code store.raw_retention} and one point a minute (mean, min, max, count) before that;
 * {@code runs} says which points are which.
 *
 * @param host   the host
 * @param metric the metric key
 * @param unit   unit of the values ({@code %}, {@code B/s} or empty)
 * @param since  start of the requested range
 * @param points the samples (or minutes) in the range, oldest first
 * @param runs   the points' runs of one resolution, oldest first (empty when there are no points)
 */
public record Series(String host, String metric, String unit, Instant since, List<SeriesPoint> points,
                     List<SeriesRun> runs) {

    public Series {
        runs = runs == null ? runsOf(points == null ? List.of() : points) : runs;
    }

    /** The runs follow from the points. */
    public Series(String host, String metric, String unit, Instant since, List<SeriesPoint> points) {
        this(host, metric, unit, since, points, runsOf(points));
    }

    /** Consecutive points of one resolution, oldest first. */
    public static List<SeriesRun> runsOf(List<SeriesPoint> points) {
        List<SeriesRun> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= points.size(); i++) {
            if (i == points.size() || points.get(i).aggregated() != points.get(start).aggregated()) {
                runs.add(new SeriesRun(points.get(start).timestamp(), points.get(i - 1).timestamp(),
                        points.get(start).aggregated() ? SeriesRun.MINUTE : SeriesRun.RAW, i - start));
                start = i;
            }
        }
        return List.copyOf(runs);
    }
}
