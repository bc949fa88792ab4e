package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A series' fitted state: which metrics it has, what normal looked like, the isolation forest grown on
 * its fitted rows and the gate calibrated on them.
 *
 * @param metricKeys       metric keys in feature order ({@code cpu}, {@code mem}, ...)
 * @param hostUnits        true for host metrics with known units (scale floors and saturation rules apply)
 * @param fittedRows       rows the model was fitted on
 * @param baseline         ranges, medians, scales
 * @param forest           isolation forest over the standardised features
 * @param isolationGate    isolation score that confirms a borderline row (the gate quantile of the fitted
 *                         rows' scores, by default their maximum; 0 when every row is confirmed)
 */
public record SeriesModel(String[] metricKeys, boolean hostUnits, int fittedRows, Baseline baseline, FlatForest forest,
                          double isolationGate) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public SeriesModel {
        if (metricKeys.length == 0) {
            throw new IllegalArgumentException("a series model needs at least one metric");
        }
        for (String k : metricKeys) {
            if (Metric.fromKey(k).isEmpty()) {
                throw new IllegalArgumentException("unknown metric '" + k + "'");
            }
        }
        if (forest.dimension() != metricKeys.length * DetectorSettings.FEATURES_PER_METRIC
                || baseline.valueMedian().length != metricKeys.length) {
            throw new IllegalArgumentException("forest, baseline and metrics disagree on the number of features");
        }
        metricKeys = metricKeys.clone();
    }

    public List<Metric> metrics() {
        return Arrays.stream(metricKeys).map(k -> Metric.fromKey(k).orElseThrow()).toList();
    }

    @Override
    public String[] metricKeys() {
        return metricKeys.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesModel m && Arrays.equals(metricKeys, m.metricKeys) && hostUnits == m.hostUnits
                && fittedRows == m.fittedRows && baseline.equals(m.baseline) && forest.equals(m.forest)
                && Double.compare(isolationGate, m.isolationGate) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(metricKeys) * 31 + fittedRows;
    }

    @Override
    public String toString() {
        return "SeriesModel" + Arrays.toString(metricKeys) + "[" + fittedRows + " rows, " + forest + "]";
    }
}
