package io.smartcloudops.console.dashboard;

import java.util.List;
import java.util.Optional;

/**
 * What one chart draws now: a downsampled line per metric, the visible time window, the markers in it,
 * and — when there is nothing to draw — the reason, in words.
 *
 * @param spec        the chart
 * @param fromMillis  left edge (epoch millis)
 * @param toMillis    right edge
 * @param lines       one per metric of the spec, same order
 * @param markers     anomalies and remediations in the window
 * @param gapMillis   consecutive points further apart than this are not joined (a gap stays a gap)
 * @param emptyReason why the chart is empty; absent when it has points
 */
public record ChartData(ChartSpec spec, long fromMillis, long toMillis, List<Line> lines, List<ChartMarker> markers,
                        long gapMillis, Optional<String> emptyReason) {

    /**
     * A line: {@code count} points in {@code times}/{@code values}.
     *
     * @param label  legend text
     * @param times  epoch millis
     * @param values values in the metric's unit
     * @param count  valid points
     * @param latest the newest value (NaN when none)
     * @param band   what the detector expected in the window (null when the agent gave none)
     */
    public record Line(String label, long[] times, double[] values, int count, double latest, Band band) {

        /** A line without a band. */
        public Line(String label, long[] times, double[] values, int count, double latest) {
            this(label, times, values, count, latest, null);
        }
    }

    /**
     * The band the agent's detector expected of a line's metric, drawn behind it: {@code count} spans, each
     * from {@code from[i]} to {@code to[i]} (epoch millis) between {@code lower[i]} and {@code upper[i]}.
     */
    public record Band(long[] from, long[] to, double[] lower, double[] upper, double[] expected, int count) {
    }

    public int pointCount() {
        return lines.stream().mapToInt(Line::count).sum();
    }
}
