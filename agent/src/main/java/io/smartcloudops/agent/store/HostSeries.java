package io.smartcloudops.agent.store;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.SeriesPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host's samples in a fixed-size ring: a timestamp array and one value array per metric (NaN where
 * a metric was absent). Primitive arrays keep it at 8 bytes per value, with no per-sample objects.
 */
final class HostSeries {

    private static final Metric[] METRICS = Metric.values();

    private static final int INITIAL_CAPACITY = 256;

    private final int maxCapacity;
    private long[] times;
    private double[][] values;
    private int head;
    private int size;

    /** Starts small and doubles up to {@code maxCapacity}; only then does it overwrite the oldest. */
    HostSeries(int maxCapacity) {
        this.maxCapacity = maxCapacity;
        int initial = Math.min(INITIAL_CAPACITY, maxCapacity);
        this.times = new long[initial];
        this.values = new double[METRICS.length][initial];
    }

    private void grow() {
        int capacity = (int) Math.min(maxCapacity, (long) times.length * 2);
        long[] t = new long[capacity];
        double[][] v = new double[METRICS.length][capacity];
        for (int i = 0; i < size; i++) {
            int slot = index(i);
            t[i] = times[slot];
            for (int m = 0; m < METRICS.length; m++) {
                v[m][i] = values[m][slot];
            }
        }
        times = t;
        values = v;
        head = 0;
    }

    synchronized boolean append(HostSample sample) {
        long t = sample.timestamp().toEpochMilli();
        if (size > 0 && t <= times[index(size - 1)]) {
            return false;
        }
        if (size == times.length && times.length < maxCapacity) {
            grow();
        }
        int slot = (head + size) % times.length;
        if (size == times.length) {
            head = (head + 1) % times.length;
        } else {
            size++;
        }
        times[slot] = t;
        for (Metric m : METRICS) {
            Double v = sample.values().get(m);
            values[m.ordinal()][slot] = v == null ? Double.NaN : v;
        }
        return true;
    }

    private int index(int logical) {
        return (head + logical) % times.length;
    }

    synchronized int size() {
        return size;
    }

    synchronized Optional<Instant> lastTime() {
        return size == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(times[index(size - 1)]));
    }

    synchronized Optional<HostSample> latest(String host) {
        return size == 0 ? Optional.empty() : Optional.of(sampleAt(host, size - 1));
    }

    /** The latest value of each metric, even if the newest sample lacks it (e.g. the first scrape). */
    synchronized Map<Metric, Double> latestValues() {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        for (Metric m : METRICS) {
            for (int i = size - 1; i >= Math.max(0, size - 3); i--) {
                double v = values[m.ordinal()][index(i)];
                if (!Double.isNaN(v)) {
                    out.put(m, v);
                    break;
                }
            }
        }
        return out;
    }

    private HostSample sampleAt(String host, int logical) {
        int slot = index(logical);
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        for (Metric m : METRICS) {
            double x = values[m.ordinal()][slot];
            if (!Double.isNaN(x)) {
                v.put(m, x);
            }
        }
        return new HostSample(host, Instant.ofEpochMilli(times[slot]), v);
    }

    synchronized List<SeriesPoint> points(Metric metric, long fromMillis, long notBeforeMillis) {
        int first = firstAtOrAfter(Math.max(fromMillis, notBeforeMillis));
        List<SeriesPoint> out = new ArrayList<>(size - first);
        double[] col = values[metric.ordinal()];
        for (int i = first; i < size; i++) {
            int slot = index(i);
            if (!Double.isNaN(col[slot])) {
                out.add(new SeriesPoint(Instant.ofEpochMilli(times[slot]), col[slot]));
            }
        }
        return out;
    }

    synchronized List<HostSample> samples(String host, long fromMillis) {
        int first = firstAtOrAfter(fromMillis);
        List<HostSample> out = new ArrayList<>(size - first);
        for (int i = first; i < size; i++) {
            out.add(sampleAt(host, i));
        }
        return out;
    }

    private int firstAtOrAfter(long millis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[index(mid)] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Bytes held by the arrays (for the memory figure in docs/benchmarks.md). */
    synchronized long footprintBytes() {
        return (long) times.length * Long.BYTES * (1 + METRICS.length);
    }

    @Override
    public String toString() {
        return "HostSeries" + Arrays.toString(new int[] {size, times.length});
    }
}
