package io.smartcloudops.agent.detect;

import java.util.Arrays;

/**
 * The recent values of one feature, kept sorted, and the robust scale novelty is measured in: the largest of
 * the interquartile range, half the standard deviation, a fraction of the range and a floor. Spiky series get a
 * wide scale from their range, smooth ones a narrow one from their quartiles. The values are held once, sorted, as
 * floats, each with the number of the add that brought it (two bytes while the capacity allows, which it does for
 * every setting evaluated): the oldest leaves first, as from a ring, without a second copy of the values in arrival
 * order (a quarter less memory per window, and a host holds 63 of them). The scale is recomputed only when a value is
 * added.
 */
final class ScaleWindow {

    private static final int SMALL = 1 << 16;

    private final int capacity;
    private final float[] sorted;
    /** For each sorted value, the add that brought it, modulo 65,536 (capacity up to 65,536) ... */
    private final char[] addedSmall;
    /** ... or as an int (larger capacities). */
    private final int[] addedLarge;
    private int size;
    /** Adds so far, modulo 65,536 (or 2^31 for large capacities: only differences within one capacity matter). */
    private int adds;
    private double scale = Double.NaN;

    ScaleWindow(int capacity) {
        this.capacity = capacity;
        this.sorted = new float[capacity];
        this.addedSmall = capacity <= SMALL ? new char[capacity] : null;
        this.addedLarge = capacity <= SMALL ? null : new int[capacity];
    }

    int size() {
        return size;
    }

    private int modulus() {
        return addedSmall != null ? SMALL : Integer.MAX_VALUE;
    }

    private int addedAt(int i) {
        return addedSmall != null ? addedSmall[i] : addedLarge[i];
    }

    private void shift(int from, int to, int length) {
        System.arraycopy(sorted, from, sorted, to, length);
        if (addedSmall != null) {
            System.arraycopy(addedSmall, from, addedSmall, to, length);
        } else {
            System.arraycopy(addedLarge, from, addedLarge, to, length);
        }
    }

    /** Adds a value (NaN and infinities are ignored), evicting the oldest once full. */
    void add(double value, double rangeFraction) {
        if (!Double.isFinite(value)) {
            return;
        }
        float v = (float) value;
        if (size == capacity) {
            int oldest = Math.floorMod(adds - capacity, modulus());
            int at = 0;
            while (addedAt(at) != oldest) {
                at++;
            }
            shift(at + 1, at, size - at - 1);
            size--;
        }
        int pos = Arrays.binarySearch(sorted, 0, size, v);
        if (pos < 0) {
            pos = -pos - 1;
        }
        shift(pos, pos + 1, size - pos);
        sorted[pos] = v;
        if (addedSmall != null) {
            addedSmall[pos] = (char) adds;
        } else {
            addedLarge[pos] = adds;
        }
        adds = (adds + 1) % modulus();
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
        int first = adds - size;
        for (int i = 0; i < size; i++) {
            inOrder[Math.floorMod(addedAt(i) - first, modulus())] = sorted[i];
        }
        return new DetectorState.Window(capacity, inOrder);
    }

    static ScaleWindow restore(DetectorState.Window w, double rangeFraction) {
        ScaleWindow s = new ScaleWindow(w.capacity());
        for (float v : w.values()) {
            s.add(v, rangeFraction);
        }
        return s;
    }
}
