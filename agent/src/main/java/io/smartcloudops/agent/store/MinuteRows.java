package io.smartcloudops.agent.store;

import java.util.Arrays;

/**
 * Turns raw samples, oldest first, into one row a minute per metric: how many samples the minute held, their
 * minimum, maximum and sum (the mean is sum / count), sealed into a {@link SealedBlock} whose "timestamps" are the
 * minutes' starts and whose columns are, per metric m, {@code 4m} count, {@code 4m + 1} min, {@code 4m + 2} max and
 * {@code 4m + 3} sum (NaN where the metric had no sample that minute).
 *
 * <p>The sum is kept exact where the values are short decimals (the collector's resolution): the integers
 * {@code l} of {@code l / 10^e} are added as longs and the sum divided once, so the sum column is itself a short
 * decimal the codec keeps in a few bits (a sum of doubles would pick up rounding noise in its last bits, which
 * XOR pays for in full). Other values (full-precision doubles, infinities) are added as doubles.
 */
final class MinuteRows {

    static final long MINUTE_MILLIS = 60_000;
    static final int COLUMNS_PER_METRIC = 4;
    static final int COUNT = 0;
    static final int MIN = 1;
    static final int MAX = 2;
    static final int SUM = 3;
    private static final long[] TEN_TO = new long[19];

    static {
        TEN_TO[0] = 1;
        for (int i = 1; i < TEN_TO.length; i++) {
            TEN_TO[i] = TEN_TO[i - 1] * 10;
        }
    }

    private final int metrics;
    private long[] times = new long[64];
    private double[][] columns;
    private int rows;
    private int samples;

    private long minute = Long.MIN_VALUE;
    private final int[] count;
    private final double[] min;
    private final double[] max;
    private final double[] doubleSum;
    private final long[] decimalSum;
    private final int[] exponent;
    private final boolean[] notDecimal;

    MinuteRows(int metrics) {
        this.metrics = metrics;
        this.columns = new double[metrics * COLUMNS_PER_METRIC][64];
        this.count = new int[metrics];
        this.min = new double[metrics];
        this.max = new double[metrics];
        this.doubleSum = new double[metrics];
        this.decimalSum = new long[metrics];
        this.exponent = new int[metrics];
        this.notDecimal = new boolean[metrics];
    }

    static long minuteOf(long millis) {
        return Math.floorDiv(millis, MINUTE_MILLIS) * MINUTE_MILLIS;
    }

    /** Adds sample {@code i} of decoded columns (one per metric, NaN = absent); samples come oldest first. */
    void add(long time, double[][] values, int i) {
        long m = minuteOf(time);
        if (m != minute) {
            flush();
            minute = m;
        }
        samples++;
        for (int k = 0; k < metrics; k++) {
            double v = values[k][i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (count[k]++ == 0) {
                min[k] = v;
                max[k] = v;
            } else {
                min[k] = Math.min(min[k], v);
                max[k] = Math.max(max[k], v);
            }
            doubleSum[k] += v;
            if (!notDecimal[k]) {
                addDecimal(k, v);
            }
        }
    }

    private void addDecimal(int k, double v) {
        int e = GorillaCodec.decimalExponent(v);
        if (e < 0) {
            notDecimal[k] = true;
            return;
        }
        try {
            if (e > exponent[k]) {
                decimalSum[k] = Math.multiplyExact(decimalSum[k], TEN_TO[e - exponent[k]]);
                exponent[k] = e;
            }
            long l = Math.multiplyExact(Math.round(v * GorillaCodec.power(e)), TEN_TO[exponent[k] - e]);
            decimalSum[k] = Math.addExact(decimalSum[k], l);
        } catch (ArithmeticException overflow) {
            notDecimal[k] = true;
        }
    }

    /** Adds the rows of an earlier block of minute rows, which precede every sample added after them. */
    void addRows(SealedBlock block) throws CorruptBlockException {
        flush();
        long[] t = block.times();
        double[][] c = new double[columns.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = block.column(k);
        }
        for (int i = 0; i < t.length; i++) {
            ensureRow();
            times[rows] = t[i];
            for (int k = 0; k < c.length; k++) {
                columns[k][rows] = c[k][i];
            }
            rows++;
        }
    }

    private void ensureRow() {
        if (rows == times.length) {
            times = Arrays.copyOf(times, rows * 2);
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], rows * 2);
            }
        }
    }

    private void flush() {
        if (minute == Long.MIN_VALUE) {
            return;
        }
        ensureRow();
        times[rows] = minute;
        for (int k = 0; k < metrics; k++) {
            int base = k * COLUMNS_PER_METRIC;
            columns[base + COUNT][rows] = count[k];
            boolean any = count[k] > 0;
            columns[base + MIN][rows] = any ? min[k] : Double.NaN;
            columns[base + MAX][rows] = any ? max[k] : Double.NaN;
            columns[base + SUM][rows] = !any ? Double.NaN
                    : !notDecimal[k] && Math.abs(decimalSum[k]) < (1L << 53) ? decimalSum[k] / GorillaCodec.power(exponent[k])
                    : doubleSum[k];
            count[k] = 0;
            doubleSum[k] = 0;
            decimalSum[k] = 0;
            exponent[k] = 0;
            notDecimal[k] = false;
        }
        rows++;
        minute = Long.MIN_VALUE;
    }

    /** Raw samples added so far (not those of rows added with {@link #addRows}). */
    int samples() {
        return samples;
    }

    /** The rows as one block (the open minute closed); null when no sample was added. */
    SealedBlock seal() {
        flush();
        return rows == 0 ? null : SealedBlock.seal(times, columns, rows);
    }
}
