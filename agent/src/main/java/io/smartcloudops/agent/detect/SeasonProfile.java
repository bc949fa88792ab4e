package io.smartcloudops.agent.detect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One cycle of a metric (a day or a week) in phase bins: per bin the mean value of each of the last K cycles,
 * stored with the cycle it came from. The bin is the time of day (or of the week) of the row's timestamp, so
 * gaps, irregular sampling and repeated timestamps put values where they belong. From it:
 * <ul>
 * <li>the expected value at a time: the median of the bin's and its two neighbours' stored values (a robust,
 *     smoothed seasonal profile: one odd day is outvoted, and a sharp daily edge survives because the bin's
 *     own values are the majority);</li>
 * <li>the autocorrelation at the lag of one cycle: the correlation of each bin's value with the same bin one
 *     cycle earlier, each cycle's own mean removed (so a drifting level is not mistaken for a season);
 *     recomputed when a cycle ends, once two cycles were seen.</li>
 * </ul>
 * Memory: bins x K floats and 1-byte cycle numbers (288 x 5 for a day at 5-minute bins: 7.2 KB), whatever the sampling
 * rate. The cycle numbers behave as the 2-byte ones they replace (cycle modulo 65,536): each is stored as its distance
 * from the oldest cycle still held, which fits a byte while the values held span at most 256 cycles (always, with
 * data arriving: a day's bin holds its last five days); a profile whose bins span more (a bin without data for most
 * of a year) widens to two bytes.
 */
final class SeasonProfile {

    static final long DAY = 86_400_000L;
    static final long WEEK = 7 * DAY;

    private final long period;
    private final int bins;
    private final int cycles;
    private final double width;
    private final float[] values;
    /** The cycle each value came from, as its distance from {@code cycleBase} ... */
    private byte[] cycleNarrow;
    private long cycleBase = Long.MIN_VALUE;
    /** ... or, once the values span more than 256 cycles, modulo 65,536 (only "the same" and "the previous" matter). */
    private char[] cycleWide;
    private final byte[] count;
    private final byte[] head;
    private final float[] scratch;
    private long currentKey = Long.MIN_VALUE;
    private double sum;
    private int n;
    private long lastCycle = Long.MIN_VALUE;
    private float acf = Float.NaN;

    /**
     * @param period  milliseconds per cycle (a day or a week)
     * @param step    the series' sampling interval in milliseconds
     * @param maxBins at most this many bins (one per row up to it)
     * @param cycles  K, cycles remembered per bin
     */
    SeasonProfile(long period, double step, int maxBins, int cycles) {
        this(period, (int) Math.max(1, Math.min(maxBins, Math.round(period / step))), cycles);
    }

    private SeasonProfile(long period, int bins, int cycles) {
        if (cycles < 2 || cycles > 100) {
            throw new IllegalArgumentException("season cycles must be 2..100");
        }
        this.period = period;
        this.bins = bins;
        this.cycles = cycles;
        this.width = (double) period / bins;
        this.values = new float[bins * cycles];
        this.cycleNarrow = new byte[bins * cycles];
        this.count = new byte[bins];
        this.head = new byte[bins];
        this.scratch = new float[3 * cycles];
    }

    int bins() {
        return bins;
    }

    private int bin(long t) {
        return (int) Math.min(bins - 1, Math.floorMod(t, period) / width);
    }

    /** Adds a value observed at epoch millisecond {@code t}. */
    void add(long t, double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        long cycle = Math.floorDiv(t, period);
        long key = cycle * bins + bin(t);
        if (key != currentKey) {
            flush();
            currentKey = key;
        }
        sum += v;
        n++;
        if (cycle != lastCycle) {
            if (lastCycle != Long.MIN_VALUE) {
                acf = (float) autocorrelation();
            }
            lastCycle = cycle;
        }
    }

    private void flush() {
        if (n > 0 && currentKey != Long.MIN_VALUE) {
            int b = (int) Math.floorMod(currentKey, (long) bins);
            int slot = b * cycles + head[b];
            values[slot] = (float) (sum / n);
            setCycle(slot, Math.floorDiv(currentKey, (long) bins));
            head[b] = (byte) ((head[b] + 1) % cycles);
            count[b] = (byte) Math.min(cycles, count[b] + 1);
        }
        sum = 0;
        n = 0;
    }

    /** The cycle of the value in {@code slot}, modulo 65,536. */
    private char cycleOf(int slot) {
        return cycleWide != null ? cycleWide[slot] : (char) (cycleBase + (cycleNarrow[slot] & 0xFF));
    }

    private boolean held(int slot) {
        return slot % cycles < count[slot / cycles];
    }

    /** Stores the cycle of the value just put in {@code slot} (its bin's count not yet raised for it). */
    private void setCycle(int slot, long cycle) {
        if (cycleWide != null) {
            cycleWide[slot] = (char) cycle;
            return;
        }
        if (cycleBase != Long.MIN_VALUE && cycle >= cycleBase && cycle - cycleBase <= 255) {
            cycleNarrow[slot] = (byte) (cycle - cycleBase);
            return;
        }
        // re-base on the oldest cycle held (the value this one replaces no longer counts), or widen
        long[] actual = new long[values.length];
        boolean[] hold = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            hold[i] = i != slot && held(i);
            actual[i] = hold[i] ? cycleBase + (cycleNarrow[i] & 0xFF) : 0;
        }
        hold[slot] = true;
        actual[slot] = cycle;
        place(actual, hold);
    }

    /** Stores the cycles of the values held ({@code hold}), narrow if they span at most 256 cycles, else wide. */
    private void place(long[] actual, boolean[] hold) {
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < actual.length; i++) {
            if (hold[i]) {
                oldest = Math.min(oldest, actual[i]);
                newest = Math.max(newest, actual[i]);
            }
        }
        if (oldest == Long.MAX_VALUE) {
            return;
        }
        if (newest - oldest > 255) {
            cycleWide = new char[actual.length];
            for (int i = 0; i < actual.length; i++) {
                cycleWide[i] = hold[i] ? (char) actual[i] : 0;
            }
            cycleNarrow = null;
            return;
        }
        cycleBase = oldest;
        for (int i = 0; i < actual.length; i++) {
            if (hold[i]) {
                cycleNarrow[i] = (byte) (actual[i] - oldest);
            }
        }
    }

    /** The autocorrelation at one cycle's lag (NaN before two comparable cycles). */
    double acf() {
        return acf;
    }

    /** Median of the stored values of the bin of {@code t} and its two neighbours; NaN with fewer than {@code minCycles} in the bin. */
    double expected(long t, int minCycles) {
        int b = bin(t);
        if (count[b] < minCycles) {
            return Double.NaN;
        }
        int m = 0;
        for (int d = -1; d <= 1; d++) {
            int bb = Math.floorMod(b + d, bins);
            for (int j = 0; j < count[bb]; j++) {
                scratch[m++] = values[bb * cycles + j];
            }
        }
        Arrays.sort(scratch, 0, m);
        return m % 2 == 1 ? scratch[m / 2] : (scratch[m / 2 - 1] + scratch[m / 2]) / 2.0;
    }

    private double valueAt(int b, char cycle) {
        for (int j = 0; j < count[b]; j++) {
            if (cycleOf(b * cycles + j) == cycle) {
                return values[b * cycles + j];
            }
        }
        return Double.NaN;
    }

    private double autocorrelation() {
        Map<Character, double[]> means = new HashMap<>();
        for (int b = 0; b < bins; b++) {
            for (int j = 0; j < count[b]; j++) {
                double[] m = means.computeIfAbsent(cycleOf(b * cycles + j), c -> new double[2]);
                m[0] += values[b * cycles + j];
                m[1]++;
            }
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        int pairs = 0;
        for (int b = 0; b < bins; b++) {
            for (int j = 0; j < count[b]; j++) {
                char c = cycleOf(b * cycles + j);
                char previous = (char) (c - 1);
                double prev = valueAt(b, previous);
                double[] mc = means.get(c);
                double[] mp = means.get(previous);
                if (Double.isNaN(prev) || mp == null || mc[1] < bins / 2.0 || mp[1] < bins / 2.0) {
                    continue;
                }
                double d1 = values[b * cycles + j] - mc[0] / mc[1];
                double d2 = prev - mp[0] / mp[1];
                sxy += d1 * d2;
                sxx += d1 * d1;
                syy += d2 * d2;
                pairs++;
            }
        }
        return pairs < bins / 2.0 || sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Bytes held (for the per-host memory figure). */
    long bytes() {
        return 4L * values.length + (cycleWide != null ? 2L : 1L) * values.length + 2L * bins + 4L * scratch.length + 64;
    }

    DetectorState.Season snapshot() {
        char[] cycleOf = new char[values.length];
        for (int i = 0; i < cycleOf.length; i++) {
            cycleOf[i] = held(i) ? cycleOf(i) : 0;
        }
        return new DetectorState.Season(period, bins, cycles, values.clone(), cycleOf, count.clone(), head.clone(),
                currentKey, sum, n, lastCycle, acf);
    }

    static SeasonProfile restore(DetectorState.Season s) {
        SeasonProfile p = new SeasonProfile(s.period(), s.bins(), s.cycles());
        System.arraycopy(s.values(), 0, p.values, 0, p.values.length);
        System.arraycopy(s.count(), 0, p.count, 0, p.count.length);
        System.arraycopy(s.head(), 0, p.head, 0, p.head.length);
        p.currentKey = s.currentKey();
        p.sum = s.sum();
        p.n = s.n();
        p.lastCycle = s.lastCycle();
        p.acf = s.acf();
        // the cycles held (modulo 65,536 in the file), unwrapped around the latest one
        long[] actual = new long[p.values.length];
        boolean[] hold = new boolean[p.values.length];
        for (int i = 0; i < actual.length; i++) {
            hold[i] = p.held(i);
            actual[i] = p.lastCycle + (short) (s.cycleOf()[i] - (char) p.lastCycle);
        }
        p.place(actual, hold);
        return p;
    }
}
