package io.smartcloudops.agent.detect;

/**
 * Causal features of one series, one row at a time: for each metric the mean of the last
 * {@code shortWindow} values, the mean of the last {@code levelWindow} values and the sample standard
 * deviation of the last {@code spreadWindow} values. Missing values (NaN) are skipped; a window without
 * any value gives NaN, a spread over fewer than two values gives 0. Nothing but past rows is used.
 */
final class FeatureWindow {

    private final int shortWindow;
    private final int levelWindow;
    private final int spreadWindow;
    private final int capacity;
    private final double[][] ring;   // [metric][slot]
    private int count;

    FeatureWindow(int metrics, DetectorSettings s) {
        this.shortWindow = s.shortWindow();
        this.levelWindow = s.levelWindow();
        this.spreadWindow = s.spreadWindow();
        this.capacity = s.memoryRows();
        this.ring = new double[metrics][capacity];
    }

    int metrics() {
        return ring.length;
    }

    /** Adds a row of raw values (one per metric, NaN when absent) and returns its features. */
    double[] next(double[] raw) {
        int slot = count % capacity;
        for (int m = 0; m < ring.length; m++) {
            ring[m][slot] = raw[m];
        }
        count++;
        double[] f = new double[ring.length * DetectorSettings.FEATURES_PER_METRIC];
        for (int m = 0; m < ring.length; m++) {
            f[m * 3] = mean(ring[m], shortWindow);
            f[m * 3 + 1] = mean(ring[m], levelWindow);
            f[m * 3 + 2] = spread(ring[m], spreadWindow);
        }
        return f;
    }

    private double mean(double[] values, int window) {
        int n = Math.min(window, count);
        double sum = 0;
        int k = 0;
        for (int j = 1; j <= n; j++) {
            double v = values[(count - j) % capacity];
            if (!Double.isNaN(v)) {
                sum += v;
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    private double spread(double[] values, int window) {
        int n = Math.min(window, count);
        double sum = 0;
        int k = 0;
        for (int j = 1; j <= n; j++) {
            double v = values[(count - j) % capacity];
            if (!Double.isNaN(v)) {
                sum += v;
                k++;
            }
        }
        if (k < 2) {
            return k == 0 ? Double.NaN : 0.0;
        }
        double mean = sum / k;
        double ss = 0;
        for (int j = 1; j <= n; j++) {
            double v = values[(count - j) % capacity];
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(ss / (k - 1));
    }
}
