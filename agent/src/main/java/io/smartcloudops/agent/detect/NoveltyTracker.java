package io.smartcloudops.agent.detect;

/**
 * How far each feature lies beyond everything seen before: beyond the fitted rows' range and beyond the
 * range of the trailing rows [i - horizon, i - exclusion]. Sliding maxima and minima use monotonic
 * queues, so each row costs O(features) amortised.
 */
final class NoveltyTracker {

    private final int horizon;
    private final int exclusion;
    private final int features;
    private final double[][] delayed;        // the last `exclusion` rows of features, not yet in the range
    private final SlidingExtreme[] max;
    private final SlidingExtreme[] min;
    private long row;

    NoveltyTracker(int features, int horizon, int exclusion) {
        this.horizon = horizon;
        this.exclusion = exclusion;
        this.features = features;
        this.delayed = new double[exclusion][];
        this.max = new SlidingExtreme[features];
        this.min = new SlidingExtreme[features];
        for (int j = 0; j < features; j++) {
            max[j] = new SlidingExtreme(horizon - exclusion + 1, true);
            min[j] = new SlidingExtreme(horizon - exclusion + 1, false);
        }
    }

    /**
     * Novelty of each feature of the current row, in scale units (0 when inside the known range), then
     * remembers the row. {@code out} receives one value per feature.
     */
    void next(double[] f, Baseline b, double[] out) {
        if (row >= exclusion) {
            double[] entering = delayed[(int) (row % exclusion)];
            long index = row - exclusion;
            for (int j = 0; j < features; j++) {
                max[j].add(index, entering[j]);
                min[j].add(index, entering[j]);
            }
        }
        long oldest = row - horizon;
        for (int j = 0; j < features; j++) {
            max[j].evictBefore(oldest);
            min[j].evictBefore(oldest);
            double hi = b.featureHigh()[j];
            double lo = b.featureLow()[j];
            if (!max[j].isEmpty()) {
                hi = Double.isNaN(hi) ? max[j].extreme() : Math.max(hi, max[j].extreme());
                lo = Double.isNaN(lo) ? min[j].extreme() : Math.min(lo, min[j].extreme());
            }
            double v = f[j];
            double nov = 0;
            if (!Double.isNaN(v) && !Double.isNaN(hi)) {
                nov = Math.max(0, Math.max((v - hi) / b.featureScale()[j], (lo - v) / b.featureScale()[j]));
            }
            out[j] = nov;
        }
        delayed[(int) (row % exclusion)] = f;
        row++;
    }

    /** A sliding-window maximum (or minimum) over the last {@code width} indices added. */
    private static final class SlidingExtreme {
        private final boolean isMax;
        private long[] index;
        private double[] value;
        private int head;
        private int size;

        SlidingExtreme(int width, boolean isMax) {
            this.isMax = isMax;
            int cap = Math.min(width + 1, 64);
            this.index = new long[cap];
            this.value = new double[cap];
        }

        void add(long i, double v) {
            if (Double.isNaN(v)) {
                return;
            }
            while (size > 0) {
                double last = value[(head + size - 1) % value.length];
                if (isMax ? last <= v : last >= v) {
                    size--;
                } else {
                    break;
                }
            }
            if (size == value.length) {
                grow();
            }
            int slot = (head + size) % value.length;
            index[slot] = i;
            value[slot] = v;
            size++;
        }

        void evictBefore(long oldest) {
            while (size > 0 && index[head] < oldest) {
                head = (head + 1) % value.length;
                size--;
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        double extreme() {
            return value[head];
        }

        private void grow() {
            long[] ni = new long[index.length * 2];
            double[] nv = new double[value.length * 2];
            for (int k = 0; k < size; k++) {
                ni[k] = index[(head + k) % index.length];
                nv[k] = value[(head + k) % value.length];
            }
            index = ni;
            value = nv;
            head = 0;
        }
    }
}
