package io.smartcloudops.agent.store;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.SeriesPoint;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One host's samples in two tiers. The raw tier: the newest {@link #BLOCK} samples raw in a head (a timestamp
 * array and one value array per metric, NaN where a metric was absent), older ones in Gorilla-compressed
 * {@link SealedBlock}s, oldest first; a full head is sealed at a minute boundary (the samples of its newest minute
 * stay in the head), so no minute is split between blocks. The minute tier (when the raw retention is shorter than
 * the retention): raw blocks older than the raw retention are turned into per-minute rows ({@link MinuteRows}: count,
 * min, max and sum per metric), in blocks of up to {@link #MINUTE_ROWS} rows. Blocks whose samples all
 * fall out of the retention are dropped whole. Queries copy what they need under the lock and decode outside it; a
 * block that fails to decode is dropped and counted, never served.
 */
final class HostSeries {

    private static final Metric[] METRICS = Metric.values();

    /** Samples per block: 10 minutes at the default 5 s interval. The raw head costs 64 B a sample. */
    static final int BLOCK = 120;

    /**
     * Hosts collected together seal their raw blocks in the same collection; aggregating them in the same one too
     * would put every host's decoding and encoding into one tick every 10 minutes (seconds at 10,000 hosts). Each
     * host waits a further share of this, fixed by its name, so the work spreads over 10 minutes of collections.
     */
    static final long STAGGER_MILLIS = 600_000;

    /** Minutes per block of the minute tier: 2 hours. Fewer rows a block cost more in per-block overhead (index, stream headers). */
    static final int MINUTE_ROWS = 120;

    private final int maxSamples;
    private final long retentionMillis;
    private final long rawRetentionMillis;
    /** How much longer than the raw retention this host's raw blocks wait (see {@link #STAGGER_MILLIS}). */
    private final long staggerMillis;
    private final Runnable onCorruptBlock;
    private final ArrayDeque<SealedBlock> blocks = new ArrayDeque<>();
    private int sealedSamples;
    private long sealedBytes;
    private final ArrayDeque<MinuteBlock> minuteBlocks = new ArrayDeque<>();
    private int minuteSamples;
    private long minuteBytes;

    /** A block of minute rows and how many raw samples it stands for. */
    private record MinuteBlock(SealedBlock rows, int samples) {
        long footprintBytes() {
            return 16 + rows.footprintBytes();
        }
    }
    private final long[] headTimes = new long[BLOCK];
    private final double[][] headValues = new double[METRICS.length][BLOCK];
    private int headSize;
    private long lastTime = Long.MIN_VALUE;
    /** Latest non-NaN value of each metric and how many samples ago it came (for /status and /metrics). */
    private final double[] latest = new double[METRICS.length];
    private final int[] latestAge = new int[METRICS.length];

    HostSeries(int maxSamples, long retentionMillis, Runnable onCorruptBlock) {
        this(maxSamples, retentionMillis, retentionMillis, 0, onCorruptBlock);
    }

    /**
     * @param maxSamples         raw samples held at most (older ones are aggregated, or dropped without a minute tier)
     * @param rawRetentionMillis raw samples older than this (before the newest) are aggregated into minute rows; at
     *                           or above the retention there is no minute tier
     * @param staggerMillis      this host's further wait, taken modulo {@link #STAGGER_MILLIS}
     */
    HostSeries(int maxSamples, long retentionMillis, long rawRetentionMillis, long staggerMillis, Runnable onCorruptBlock) {
        this.staggerMillis = Math.floorMod(staggerMillis, STAGGER_MILLIS);
        this.maxSamples = Math.max(maxSamples, BLOCK);
        this.retentionMillis = retentionMillis;
        this.rawRetentionMillis = Math.min(rawRetentionMillis, retentionMillis);
        this.onCorruptBlock = onCorruptBlock;
        Arrays.fill(latestAge, Integer.MAX_VALUE);
    }

    synchronized boolean append(HostSample sample) {
        long t = sample.timestamp().toEpochMilli();
        if (headSize + sealedSamples > 0 && t <= lastTime) {
            return false;
        }
        if (headSize == BLOCK) {
            sealHead(t);
        }
        headTimes[headSize] = t;
        for (Metric m : METRICS) {
            Double v = sample.values().get(m);
            double x = v == null ? Double.NaN : v;
            headValues[m.ordinal()][headSize] = x;
            if (Double.isNaN(x)) {
                latestAge[m.ordinal()] = Math.max(latestAge[m.ordinal()], latestAge[m.ordinal()] + 1);  // saturates at MAX_VALUE
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

    /**
     * Seals the full head before a sample at {@code next}: all of it, or, when {@code next} falls in the head's
     * newest minute, the samples before that minute (they stay in the head), so a minute is never split between
     * blocks. A head that is one minute alone (over 120 samples a minute) is sealed whole.
     */
    private void sealHead(long next) {
        long minute = MinuteRows.minuteOf(next);
        int k = BLOCK;
        if (MinuteRows.minuteOf(headTimes[BLOCK - 1]) == minute) {
            int first = BLOCK - 1;
            while (first > 0 && MinuteRows.minuteOf(headTimes[first - 1]) == minute) {
                first--;
            }
            k = first == 0 ? BLOCK : first;
        }
        SealedBlock sealed = SealedBlock.seal(headTimes, headValues, k);
        blocks.addLast(sealed);
        sealedSamples += k;
        sealedBytes += sealed.footprintBytes();
        System.arraycopy(headTimes, k, headTimes, 0, BLOCK - k);
        for (double[] column : headValues) {
            System.arraycopy(column, k, column, 0, BLOCK - k);
        }
        headSize = BLOCK - k;
    }

    private boolean tiered() {
        return rawRetentionMillis < retentionMillis;
    }

    private void dropExpired(long now) {
        long cutoff = now - retentionMillis;
        while (!minuteBlocks.isEmpty() && minuteBlocks.peekFirst().rows().lastTime() < cutoff) {
            MinuteBlock dropped = minuteBlocks.removeFirst();
            minuteSamples -= dropped.samples();
            minuteBytes -= dropped.footprintBytes();
        }
        while (!blocks.isEmpty() && (blocks.peekFirst().lastTime() < cutoff
                || !tiered() && sealedSamples + headSize - blocks.peekFirst().count() >= maxSamples)) {
            removeFirstRawBlock();
        }
        if (tiered()) {
            aggregateOld(now);
        }
    }

    private SealedBlock removeFirstRawBlock() {
        SealedBlock dropped = blocks.removeFirst();
        sealedSamples -= dropped.count();
        sealedBytes -= dropped.footprintBytes();
        return dropped;
    }

    /**
     * Turns the raw blocks older than the raw retention (or, when the raw samples reach their cap, the oldest) into
     * minute rows, appended to the newest block of minute rows while it has fewer than {@link #MINUTE_ROWS} (that
     * block is decoded and sealed again with the new rows), so raw samples wait at most two blocks and this host's
     * stagger beyond the raw retention. A batch ends only where the next sample starts a new minute.
     */
    private void aggregateOld(long now) {
        long rawCutoff = now - rawRetentionMillis - staggerMillis;
        while (!blocks.isEmpty()) {
            boolean forced = sealedSamples + headSize - blocks.peekFirst().count() >= maxSamples;
            int batch = 0;
            boolean ready = false;
            Iterator<SealedBlock> oldestFirst = blocks.iterator();
            SealedBlock next = oldestFirst.next();
            while (next != null) {
                SealedBlock b = next;
                if (b.lastTime() >= rawCutoff && !forced) {
                    break;
                }
                batch++;
                next = oldestFirst.hasNext() ? oldestFirst.next() : null;
                long nextTime = next != null ? next.firstTime() : headSize > 0 ? headTimes[0] : Long.MAX_VALUE;
                if (MinuteRows.minuteOf(nextTime) > MinuteRows.minuteOf(b.lastTime())) {
                    ready = true;
                    break;
                }
            }
            if (!ready) {
                return;
            }
            MinuteRows rows = new MinuteRows(METRICS.length);
            int carried = 0;
            MinuteBlock open = minuteBlocks.peekLast();
            if (open != null && open.rows().count() < MINUTE_ROWS) {
                minuteBlocks.removeLast();
                minuteSamples -= open.samples();
                minuteBytes -= open.footprintBytes();
                try {
                    rows.addRows(open.rows());
                    carried = open.samples();
                } catch (CorruptBlockException e) {
                    onCorruptBlock.run();
                }
            }
            double[][] columns = new double[METRICS.length][];
            for (int i = 0; i < batch; i++) {
                SealedBlock b = removeFirstRawBlock();
                try {
                    long[] t = b.times();
                    for (int m = 0; m < METRICS.length; m++) {
                        columns[m] = b.column(m);
                    }
                    for (int j = 0; j < t.length; j++) {
                        rows.add(t[j], columns, j);
                    }
                } catch (CorruptBlockException e) {
                    onCorruptBlock.run();
                }
            }
            SealedBlock sealed = rows.seal();
            if (sealed != null) {
                MinuteBlock block = new MinuteBlock(sealed, carried + rows.samples());
                minuteBlocks.addLast(block);
                minuteSamples += block.samples();
                minuteBytes += block.footprintBytes();
            }
        }
    }

    /** Samples held: raw ones and those the minute rows stand for. */
    synchronized int size() {
        return sealedSamples + headSize + minuteSamples;
    }

    synchronized int rawSize() {
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

    /**
     * Points of one metric at or after {@code max(fromMillis, notBeforeMillis)}, oldest first, absent values skipped:
     * one a minute (mean, min, max, count) from the minute tier, then the raw samples.
     */
    List<SeriesPoint> points(Metric metric, long fromMillis, long notBeforeMillis) {
        long start = Math.max(fromMillis, notBeforeMillis);
        List<MinuteBlock> minutes;
        List<SealedBlock> sealed;
        long[] times;
        double[] column;
        synchronized (this) {
            minutes = minuteBlocksFrom(start);
            sealed = blocksFrom(start);
            int first = firstInHead(start);
            times = Arrays.copyOfRange(headTimes, first, headSize);
            column = Arrays.copyOfRange(headValues[metric.ordinal()], first, headSize);
        }
        List<SeriesPoint> out = new ArrayList<>(minutes.size() * MINUTE_ROWS + sealed.size() * BLOCK + times.length);
        for (MinuteBlock mb : minutes) {
            try {
                addMinutes(out, mb.rows(), metric, start);
            } catch (CorruptBlockException e) {
                dropMinutes(mb);
            }
        }
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

    private static void addMinutes(List<SeriesPoint> out, SealedBlock rows, Metric metric, long start)
            throws CorruptBlockException {
        long[] t = rows.times();
        int base = metric.ordinal() * MinuteRows.COLUMNS_PER_METRIC;
        double[] count = rows.column(base + MinuteRows.COUNT);
        double[] min = rows.column(base + MinuteRows.MIN);
        double[] max = rows.column(base + MinuteRows.MAX);
        double[] sum = rows.column(base + MinuteRows.SUM);
        for (int i = firstAtOrAfter(t, t.length, start); i < t.length; i++) {
            if (count[i] > 0) {
                out.add(SeriesPoint.minute(Instant.ofEpochMilli(t[i]), sum[i] / count[i], min[i], max[i], (int) count[i]));
            }
        }
    }

    /** Whole raw samples at or after {@code fromMillis}, oldest first (the minute tier holds no whole samples). */
    List<HostSample> samples(String host, long fromMillis) {
        List<SealedBlock> sealed;
        long[] times;
        double[][] columns = new double[METRICS.length][];
        synchronized (this) {
            sealed = blocksFrom(fromMillis);
            int first = firstInHead(fromMillis);
            times = Arrays.copyOfRange(headTimes, first, headSize);
            for (int m = 0; m < METRICS.length; m++) {
                columns[m] = Arrays.copyOfRange(headValues[m], first, headSize);
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

    /** Minute blocks holding a row at or after {@code millis}, oldest first (caller holds the lock). */
    private List<MinuteBlock> minuteBlocksFrom(long millis) {
        if (minuteBlocks.isEmpty() || minuteBlocks.peekLast().rows().lastTime() < millis) {
            return List.of();  // the common query, within the raw retention
        }
        List<MinuteBlock> out = new ArrayList<>();
        Iterator<MinuteBlock> newestFirst = minuteBlocks.descendingIterator();
        while (newestFirst.hasNext()) {
            MinuteBlock b = newestFirst.next();
            if (b.rows().lastTime() < millis) {
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

    private synchronized void dropMinutes(MinuteBlock block) {
        if (minuteBlocks.removeIf(b -> b == block)) {
            minuteSamples -= block.samples();
            minuteBytes -= block.footprintBytes();
            onCorruptBlock.run();
        }
    }

    /** Replaces the {@code index}-th block of minute rows (oldest first) with what {@code damage} makes of it. */
    synchronized void replaceMinuteBlock(int index, UnaryOperator<SealedBlock> damage) {
        List<MinuteBlock> all = new ArrayList<>(minuteBlocks);
        MinuteBlock old = all.get(index);
        MinuteBlock damaged = new MinuteBlock(damage.apply(old.rows()), old.samples());
        minuteBytes += damaged.footprintBytes() - old.footprintBytes();
        all.set(index, damaged);
        minuteBlocks.clear();
        minuteBlocks.addAll(all);
    }

    synchronized int minuteBlockCount() {
        return minuteBlocks.size();
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

    /** Heap bytes held: the raw head plus every sealed block and block of minute rows (for /metrics and docs/benchmarks.md). */
    synchronized long footprintBytes() {
        return HEAD_BYTES + sealedBytes + minuteBytes;
    }

    /** The object, its deques and the raw head: arrays of the head, the latest values and their headers. */
    private static final long HEAD_BYTES = 104 + 2 * (16 + 8L * 16 + 16) + 16 + 8L * BLOCK + 16 + 4L * METRICS.length
            + (16 + 8L * BLOCK) * METRICS.length + 2 * (16 + 8L * METRICS.length);

    @Override
    public synchronized String toString() {
        return "HostSeries[" + size() + " samples, " + blocks.size() + " blocks, " + minuteBlocks.size() + " of minutes]";
    }
}
