package io.smartcloudops.agent.detect;

import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.api.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a {@link SeriesModel} on chosen rows: baseline statistics of the features and raw values, an
 * isolation forest on the standardised features, and the isolation gate calibrated on the same rows (a
 * quantile of their own forest scores; the default quantile 1 is the highest of them).
 */
public final class ModelFitter {

    private ModelFitter() {
    }

    /**
     * @param features rows x features (from {@link FeatureWindow}, computed causally over the whole series)
     * @param values   the same rows' raw values, rows x metrics
     */
    public static SeriesModel fit(DetectorSettings settings, List<Metric> metrics, boolean hostUnits,
                                  double[][] features, double[][] values) {
        if (features.length < 2) {
            throw new IllegalArgumentException("at least 2 rows are needed to fit, got " + features.length);
        }
        double[] floors = new double[metrics.size()];
        for (int m = 0; m < floors.length; m++) {
            floors[m] = hostUnits ? settings.scaleFloor(metrics.get(m)) : 0.0;
        }
        Baseline baseline = Baseline.fit(features, values, floors);
        double[][] z = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            z[i] = baseline.standardise(features[i]);
        }
        FlatForest forest = ForestTrainer.fitFlat(z, settings.trees(), settings.sampleSize(), settings.seed());
        double gate = 0;
        if (settings.isolationGate() > 0) {
            gate = new RobustStats(forest.score(z)).quantile(settings.isolationGate());
        }
        String[] keys = metrics.stream().map(Metric::key).toArray(String[]::new);
        return new SeriesModel(keys, hostUnits, features.length, baseline, forest, gate);
    }

    /**
     * Fits on every row of a table except those marked in {@code exclude} (labelled incidents), with
     * features computed causally over all rows.
     */
    public static SeriesModel fit(DetectorSettings settings, SeriesTable table, boolean[] exclude) {
        List<Metric> metrics = new ArrayList<>(table.metrics());
        double[][] columns = metrics.stream().map(m -> table.columns().get(m)).toArray(double[][]::new);
        FeatureWindow window = new FeatureWindow(metrics.size(), settings);
        List<double[]> features = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            double[] raw = new double[metrics.size()];
            for (int m = 0; m < raw.length; m++) {
                raw[m] = columns[m][i];
            }
            double[] f = window.next(raw);
            if (!exclude[i]) {
                features.add(f);
                values.add(raw);
            }
        }
        return fit(settings, metrics, !table.singleMetric(), features.toArray(double[][]::new), values.toArray(double[][]::new));
    }
}
