package io.smartcloudops.agent.detect;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What "normal" looked like in a series' fitted rows: per feature the range, median and robust scale;
 * per metric the median and scale of the raw values (the "baseline 12.0%" of an explanation).
 */
public record Baseline(double[] featureLow, double[] featureHigh, double[] featureMedian, double[] featureScale,
                       double[] valueMedian, double[] valueScale) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public Baseline {
        int f = featureLow.length;
        if (featureHigh.length != f || featureMedian.length != f || featureScale.length != f
                || valueMedian.length * DetectorSettings.FEATURES_PER_METRIC != f || valueScale.length != valueMedian.length) {
            throw new IllegalArgumentException("inconsistent baseline arrays");
        }
        for (int i = 0; i < f; i++) {
            if (!(featureScale[i] > 0) || !Double.isFinite(featureScale[i])) {
                throw new IllegalArgumentException("feature scale " + i + " must be positive");
            }
        }
        for (double s : valueScale) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("value scales must be positive");
            }
        }
    }

    /**
     * @param features rows x features of the fitted rows
     * @param values   rows x metrics of the same rows' raw values
     * @param floors   scale floor per metric
     */
    static Baseline fit(double[][] features, double[][] values, double[] floors) {
        int nf = features[0].length;
        int nm = values[0].length;
        double[] lo = new double[nf];
        double[] hi = new double[nf];
        double[] med = new double[nf];
        double[] scale = new double[nf];
        for (int j = 0; j < nf; j++) {
            RobustStats s = new RobustStats(column(features, j));
            double floor = floors[j / DetectorSettings.FEATURES_PER_METRIC];
            if (s.isEmpty()) {
                lo[j] = Double.NaN;
                hi[j] = Double.NaN;
                med[j] = Double.NaN;
                scale[j] = Math.max(floor, 1e-9);
            } else {
                lo[j] = s.min();
                hi[j] = s.max();
                med[j] = s.median();
                scale[j] = s.scale(floor);
            }
        }
        double[] vMed = new double[nm];
        double[] vScale = new double[nm];
        for (int m = 0; m < nm; m++) {
            RobustStats s = new RobustStats(column(values, m));
            vMed[m] = s.isEmpty() ? Double.NaN : s.median();
            vScale[m] = s.isEmpty() ? Math.max(floors[m], 1e-9) : s.scale(floors[m]);
        }
        return new Baseline(lo, hi, med, scale, vMed, vScale);
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    /** Features in robust units around the median; NaN (a metric without data) becomes 0, i.e. typical. */
    double[] standardise(double[] features) {
        double[] z = new double[features.length];
        for (int j = 0; j < z.length; j++) {
            double v = (features[j] - featureMedian[j]) / featureScale[j];
            z[j] = Double.isFinite(v) ? v : 0.0;
        }
        return z;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baseline b && Arrays.equals(featureLow, b.featureLow) && Arrays.equals(featureHigh, b.featureHigh)
                && Arrays.equals(featureMedian, b.featureMedian) && Arrays.equals(featureScale, b.featureScale)
                && Arrays.equals(valueMedian, b.valueMedian) && Arrays.equals(valueScale, b.valueScale);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(featureMedian);
    }

    @Override
    public String toString() {
        return "Baseline" + Arrays.toString(valueMedian);
    }
}
