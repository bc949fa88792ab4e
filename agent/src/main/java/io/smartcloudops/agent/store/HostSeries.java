package io.smartcloudops.agent.store;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.SeriesPoint;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One host's samples: the newest {@link #BLOCK} samples raw in a head (a timestamp array and one value
 * array per metric, NaN where a metric was absent), older ones in Gorilla-compressed {@link SealedBlock}s,
 * oldest first. A full head is sealed into a block; blocks whose samples all fall out of the retention,
 * or beyond the sample capacity, are dropped whole. Queries copy what they need under the lock and
 * decode outside it; a block that fails to decode is dropped and counted, never served.
 */
final class HostSeries {

    private static final Metric[] METRICS = Metric.values();

    /** Samples per block: 10 minutes at the default 5 s interval. The raw head costs 64 B a sample. */
    static final int BLOCK = 120;

    private final int maxSamples;
    private final long retentionMillis;
    private final Runnable onCorruptBlock;
    private final ArrayDeque<SealedBlock> blocks = new ArrayDeque<>();
    private int sealedSamples;
    private long sealedBytes;
    private final long[] headTimes = new long[BLOCK];
    private final double[][] headValues = new double[METRICS.length][BLOCK];
    private int headSize;
    private long lastTime = Long.MIN_VALUE;
    /** Latest non-NaN value of each metric and how many samples ago it came (for /status and /metrics). */
    private final double[] latest = new double[METRICS.length];
    private final int[] latestAge = new int[METRICS.length];

    HostSeries(int maxSamples, long retentionMillis, Runnable onCorruptBlock) {
        this.maxSamples = Math.max(maxSamples, BLOCK);
        this.retentionMillis = retentionMillis;
        this.onCorruptBlock = onCorruptBlock;
        java.util.Arrays.fill(latestAge, Integer.MAX_VALUE);
    }

    synchronized boolean append(HostSample sample) {
        long t = sample.timestamp().toEpochMilli();
        if (headSize + sealedSamples > 0 && t <= lastTime) {
            return false;
        }
        if (headSize == BLOCK) {
            SealedBlock sealed = SealedBlock.seal(headTimes, headValues, BLOCK);
            blocks.addLast(sealed);
            sealedSamples += BLOCK;
            sealedBytes += sealed.footprintBytes();
            headSize = 0;
        }
        headTimes[headSize] = t;
        for (Metric m : METRICS) {
            Double v = sample.values().get(m);
            double x = v == null ? Double.NaN : v;
            headValues[m.ordinal()][headSize] = x;
            if (Double.isNaN(x)) {
                latestAge[m.ordinal()] = latestAge[m.ordinal()] == Integer.MAX_VALUE ? Integer.MAX_VALUE : latestAge[m.ordinal()] + 1;
            } else {
                latest[m.ordinal()] = x;
                latestAge[m.ordinal()] = 0;
            }
        }
        headSize++;
        lastTime = t;
        dropExpired(t);
        return true;
    }

    private void dropExpired(long now) {
        long cutoff = now - retentionMillis;
        while (!blocks.isEmpty() && (blocks.peekFirst().lastTime() < cutoff
                || sealedSamples + headSize - blocks.peekFirst().count() >= maxSamples)) {
            SealedBlock dropped = blocks.removeFirst();
            sealedSamples -= dropped.count();
            sealedBytes -= dropped.footprintBytes();
        }
    }

    synchronized int size() {
        return sealedSamples + headSize;
    }

    synchronized Optional<Instant> lastTime() {
        return size() == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastTime));
    }

    synchronized Optional<HostSample> latest(String host) {
        if (headSize == 0) {  // a full head is sealed only when the next sample comes: empty means no samples
            return Optional.empty();
        }
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        for (Metric m : METRICS) {
            double x = headValues[m.ordinal()][headSize - 1];
            if (!Double.isNaN(x)) {
                v.put(m, x);
            }
        }
        return Optional.of(new HostSample(host, Instant.ofEpochMilli(headTimes[headSize - 1]), v));
    }

    /** The latest value of each metric within the last three samples (the newest may lack some, e.g. the first scrape). */
    synchronized Map<Metric, Double> latestValues() {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        for (Metric m : METRICS) {
            if (latestAge[m.ordinal()] < 3) {
                out.put(m, latest[m.ordinal()]);
            }
        }
        return out;
    }

    /** Points of one metric at or after {@code max(fromMillis, notBeforeMillis)}, oldest first, absent values skipped. */
    List<SeriesPoint> points(Metric metric, long fromMillis, long notBeforeMillis) {
        long start = Math.max(fromMillis, notBeforeMillis);
        List<SealedBlock> sealed;
        long[] times;
        double[] column;
        synchronized (this) {
            sealed = blocksFrom(start);
            int first = firstInHead(start);
            times = java.util.Arrays.copyOfRange(headTimes, first, headSize);
            column = java.util.Arrays.copyOfRange(headValues[metric.ordinal()], first, headSize);
        }
        List<SeriesPoint> out = new ArrayList<>(sealed.size() * BLOCK + times.length);
        for (SealedBlock b : sealed) {
            try {
                long[] t = b.times();
                double[] v = b.column(metric.ordinal());
                for (int i = firstAtOrAfter(t, t.length, start); i < t.length; i++) {
                    if (!Double.isNaN(v[i])) {
                        out.add(new SeriesPoint(Instant.ofEpochMilli(t[i]), v[i]));
                    }
                }
            } catch (CorruptBlockException e) {
                drop(b);
            }
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isNaN(column[i])) {
                out.add(new SeriesPoint(Instant.ofEpochMilli(times[i]), column[i]));
            }
        }
        return out;
    }

    /** Whole samples at or after {@code fromMillis}, oldest first. */
    List<HostSample> samples(String host, long fromMillis) {
        List<SealedBlock> sealed;
        long[] times;
        double[][] columns = new double[METRICS.length][];
        synchronized (this) {
            sealed = blocksFrom(fromMillis);
            int first = firstInHead(fromMillis);
            times = java.util.Arrays.copyOfRange(headTimes, first, headSize);
            for (int m = 0; m < METRICS.length; m++) {
                columns[m] = java.util.Arrays.copyOfRange(headValues[m], first, headSize);
            }
        }
        List<HostSample> out = new ArrayList<>(sealed.size() * BLOCK + times.length);
        for (SealedBlock b : sealed) {
            try {
                long[] t = b.times();
                double[][] v = new double[METRICS.length][];
                for (int m = 0; m < METRICS.length; m++) {
                    v[m] = b.column(m);
                }
                for (int i = firstAtOrAfter(t, t.length, fromMillis); i < t.length; i++) {
                    out.add(sample(host, t, v, i));
                }
            } catch (CorruptBlockException e) {
                drop(b);
            }
        }
        for (int i = 0; i < times.length; i++) {
            out.add(sample(host, times, columns, i));
        }
        return out;
    }

    private static HostSample sample(String host, long[] times, double[][] columns, int i) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        for (Metric m : METRICS) {
            double x = columns[m.ordinal()][i];
            if (!Double.isNaN(x)) {
                v.put(m, x);
            }
        }
        return new HostSample(host, Instant.ofEpochMilli(times[i]), v);
    }

    /** Sealed blocks holding a sample at or after {@code millis}, oldest first (caller holds the lock). */
    private List<SealedBlock> blocksFrom(long millis) {
        List<SealedBlock> out = new ArrayList<>();
        Iterator<SealedBlock> newestFirst = blocks.descendingIterator();
        while (newestFirst.hasNext()) {
            SealedBlock b = newestFirst.next();
            if (b.lastTime() < millis) {
                break;
            }
            out.add(b);
        }
        return out.reversed();
    }

    private int firstInHead(long millis) {
        return firstAtOrAfter(headTimes, headSize, millis);
    }

    private static int firstAtOrAfter(long[] times, int size, long millis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private synchronized void drop(SealedBlock block) {
        if (blocks.removeIf(b -> b == block)) {
            sealedSamples -= block.count();
            sealedBytes -= block.footprintBytes();
            onCorruptBlock.run();
        }
    }

    /** Replaces the {@code index}-th sealed block (oldest first) with what {@code damage} makes of it: for corruption tests. */
    synchronized void replaceBlock(int index, UnaryOperator<SealedBlock> damage) {
        List<SealedBlock> all = new ArrayList<>(blocks);
        SealedBlock damaged = damage.apply(all.get(index));
        sealedBytes += damaged.footprintBytes() - all.get(index).footprintBytes();
        all.set(index, damaged);
        blocks.clear();
        blocks.addAll(all);
    }

    synchronized int sealedBlocks() {
        return blocks.size();
    }

    /** Heap bytes held: the raw head plus every sealed block (for /metrics and docs/benchmarks.md). */
    synchronized long footprintBytes() {
        return HEAD_BYTES + sealedBytes;
    }

    /** The object, its deque and the raw head: arrays of the head, the latest values and their headers. */
    private static final long HEAD_BYTES = 96 + 16 + 8L * 16 + 16 + 8L * BLOCK + 16 + 4L * METRICS.length
            + (16 + 8L * BLOCK) * METRICS.length + 2 * (16 + 8L * METRICS.length);

    @Override
    public synchronized String toString() {
        return "HostSeries[" + size() + " samples, " + blocks.size() + " blocks]";
    }
}
