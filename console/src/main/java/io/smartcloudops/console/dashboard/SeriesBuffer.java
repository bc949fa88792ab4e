package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.series.SeriesPoint;
import java.util.Arrays;
import java.util.List;

/**
 * The samples of one metric of one host the console keeps for its charts: parallel primitive arrays
 * (epoch millis and values), oldest first, appended live and back-filled from {@code /series}. A minute the agent
 * keeps only as an aggregate (older than its {@code store.raw_retention}) is drawn as its two extremes, min then
 * max, 30 s apart, so a 5 s spike stays visible on a chart of hours (where a minute is less than a pixel); its mean
 * alone would hide it.
 */
public final class SeriesBuffer {

    private long[] times = new long[64];
    private double[] values = new double[64];
    private int size;

    public int size() {
        return size;
    }

    public long timeAt(int i) {
        return times[i];
    }

    public double valueAt(int i) {
        return values[i];
    }

    long[] times() {
        return times;
    }

    double[] values() {
        return values;
    }

    /** Appends a sample; one older than the newest is ignored, one at the same time replaces it. */
    public void append(long epochMillis, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (size > 0 && epochMillis <= times[size - 1]) {
            if (epochMillis == times[size - 1]) {
                values[size - 1] = value;
            }
            return;
        }
        ensure(size + 1);
        times[size] = epochMillis;
        values[size] = value;
        size++;
    }

    /**
     * Replaces everything up to the newest back-filled point with the agent's history and keeps the
     * live points that arrived after it, so a back-fill never loses a sample nor duplicates one.
     */
    public void backfill(List<SeriesPoint> history) {
        if (history.isEmpty()) {
            return;
        }
        List<SeriesPoint> points = drawn(history);
        long lastHistory = points.getLast().timestamp().toEpochMilli();
        int keepFrom = indexAfter(lastHistory);
        int keep = size - keepFrom;
        long[] t = new long[Math.max(64, points.size() + keep + 16)];
        double[] v = new double[t.length];
        int n = 0;
        for (SeriesPoint p : points) {
            long ms = p.timestamp().toEpochMilli();
            if (!Double.isNaN(p.value()) && (n == 0 || ms > t[n - 1])) {
                t[n] = ms;
                v[n] = p.value();
                n++;
            }
        }
        System.arraycopy(times, keepFrom, t, n, keep);
        System.arraycopy(values, keepFrom, v, n, keep);
        times = t;
        values = v;
        size = n + keep;
    }

    /** The points as a chart draws them: raw samples as they are, a minute row as its min and, 30 s on, its max. */
    public static List<SeriesPoint> drawn(List<SeriesPoint> points) {
        if (points.stream().noneMatch(SeriesPoint::aggregated)) {
            return points;
        }
        List<SeriesPoint> out = new java.util.ArrayList<>(points.size() * 2);
        for (SeriesPoint p : points) {
            if (p.aggregated()) {
                out.add(new SeriesPoint(p.timestamp(), p.min()));
                out.add(new SeriesPoint(p.timestamp().plusSeconds(30), p.max()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Drops samples older than {@code minMillis}. */
    public void trimBefore(long minMillis) {
        int from = indexAtOrAfter(minMillis);
        if (from == 0) {
            return;
        }
        System.arraycopy(times, from, times, 0, size - from);
        System.arraycopy(values, from, values, 0, size - from);
        size -= from;
    }

    /** Index of the first sample at or after {@code millis} ({@code size} when none). */
    public int indexAtOrAfter(long millis) {
        int i = Arrays.binarySearch(times, 0, size, millis);
        if (i >= 0) {
            while (i > 0 && times[i - 1] == millis) {
                i--;
            }
            return i;
        }
        return -i - 1;
    }

    private int indexAfter(long millis) {
        int i = indexAtOrAfter(millis);
        while (i < size && times[i] <= millis) {
            i++;
        }
        return i;
    }

    public double last() {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    private void ensure(int capacity) {
        if (capacity > times.length) {
            int n = Math.max(capacity, times.length * 2);
            times = Arrays.copyOf(times, n);
            values = Arrays.copyOf(values, n);
        }
    }
}
