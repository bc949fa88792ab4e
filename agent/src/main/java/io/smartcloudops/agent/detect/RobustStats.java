package io.smartcloudops.agent.detect;

import java.util.Arrays;

/** Order statistics of a sample, NaN values left out. */
final class RobustStats {

    private final double[] sorted;

    RobustStats(double[] values) {
        this.sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    /** Linear interpolation between closest ranks (numpy's default). */
    double quantile(double q) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    double median() {
        return quantile(0.5);
    }

    /** Population standard deviation. */
    double std() {
        double mean = 0;
        for (double v : sorted) {
            mean += v;
        }
        mean /= sorted.length;
        double ss = 0;
        for (double v : sorted) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / sorted.length);
    }

    /**
     * The robust scale the detector measures deviations in: the largest of the interquartile range, half
     * the standard deviation, a twentieth of the range and {@code floor}; never 0.
     */
    double scale(double floor) {
        double iqr = quantile(0.75) - quantile(0.25);
        double s = Math.max(Math.max(iqr, 0.5 * std()), Math.max(0.05 * (max() - min()), floor));
        double tiny = 1e-9 * Math.max(1.0, Math.abs(median()));
        return Math.max(s, tiny);
    }
}
