package io.smartcloudops.agent.detect;

import java.util.Arrays;

/**
 * The recent values of one feature, kept sorted, and the robust scale novelty is measured in: the largest of
 * the interquartile range, half the standard deviation, a fraction of the range and a floor. Spiky series get a
 * wide scale from their range, smooth ones a narrow one from their quartiles. Values are stored as floats in a
 * fixed ring, so the memory is bounded; the scale is recomputed only when a value is added.
 */
final class ScaleWindow {

    private final float[] ring;
    private final float[] sorted;
    private int size;
    private int head;
    private double scale = Double.NaN;

    ScaleWindow(int capacity) {
        this.ring = new float[capacity];
        this.sorted = new float[capacity];
    }

    int size() {
        return size;
    }

    /** Adds a value (NaN and infinities are ignored), evicting the oldest once full. */
    void add(double value, double rangeFraction) {
        if (!Double.isFinite(value)) {
            return;
        }
        float v = (float) value;
        if (size == ring.length) {
            float old = ring[head];
            int at = Arrays.binarySearch(sorted, 0, size, old);
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
        }
        ring[head] = v;
        head = (head + 1) % ring.length;
        int pos = Arrays.binarySearch(sorted, 0, size, v);
        if (pos < 0) {
            pos = -pos - 1;
        }
        System.arraycopy(sorted, pos, sorted, pos + 1, size - pos);
        sorted[pos] = v;
        size++;
        scale = compute(rangeFraction);
    }

    /** Linear interpolation between closest ranks; NaN when empty. */
    double quantile(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        double pos = q * (size - 1);
        int lo = (int) pos;
        int hi = Math.min(lo + 1, size - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The scale, at least {@code floor}; the floor alone while fewer than 8 values were seen. */
    double scale(double floor) {
        return size < 8 || Double.isNaN(scale) ? floor : Math.max(scale, floor);
    }

    private double compute(double rangeFraction) {
        double mean = 0;
        for (int i = 0; i < size; i++) {
            mean += sorted[i];
        }
        mean /= size;
        double ss = 0;
        for (int i = 0; i < size; i++) {
            ss += (sorted[i] - mean) * (sorted[i] - mean);
        }
        double sd = Math.sqrt(ss / size);
        double iqr = quantile(0.75) - quantile(0.25);
        return Math.max(Math.max(iqr, sd / 2), rangeFraction * (sorted[size - 1] - sorted[0]));
    }

    DetectorState.Window snapshot() {
        float[] inOrder = new float[size];
        for (int i = 0; i < size; i++) {
            inOrder[i] = ring[Math.floorMod(head - size + i, ring.length)];
        }
        return new DetectorState.Window(ring.length, inOrder);
    }

    static ScaleWindow restore(DetectorState.Window w, double rangeFraction) {
        ScaleWindow s = new ScaleWindow(w.capacity());
        for (float v : w.values()) {
            s.add(v, rangeFraction);
        }
        return s;
    }
}
