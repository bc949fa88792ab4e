package io.smartcloudops.agent.detectorview;

import io.smartcloudops.agent.detect.Season;
import io.smartcloudops.agent.store.CompressedRows;
import io.smartcloudops.api.series.BandSegment;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The band history of one host's metric as segments: a band that holds (within {@link #TOLERANCE} of its
 * width) is one segment however long it lasts, a changing band gets at most one segment a minute (each ends
 * where the next begins), and a gap in scoring longer than {@code gapMillis} starts a new segment, so time
 * without a band stays without one.
 * The newest segments (the open one among them) are primitive arrays that grow on demand up to {@link #TAIL}; a full
 * tail is compressed into a block ({@link CompressedRows}, the series store's codec: the segments' starts as
 * timestamps, their lengths, the three edges as the floats they are, the basis), which costs about a third of the
 * arrays and returns the same values bit for bit. At most {@link #MAX_SEGMENTS} (a day of one-minute segments);
 * segments that ended before the retention are dropped, a block once all of its segments have. Not thread-safe:
 * {@link BandRecorder} locks.
 */
final class BandTrack {

    /** A changing band is sampled at most once a minute: finer steps are invisible on a chart of hours. */
    static final long MIN_SEGMENT_MILLIS = 60_000;
    /** A band that moved less than this share of its width is the same band (sub-pixel on any chart). */
    static final double TOLERANCE = 0.02;
    static final int MAX_SEGMENTS = 1440;
    /** Segments held as arrays before they are compressed into a block. */
    static final int TAIL = 64;
    private static final Season[] SEASONS = Season.values();
    private static final int LENGTH = 0;
    private static final int EXPECTED = 1;
    private static final int LOWER = 2;
    private static final int UPPER = 3;
    private static final int BASIS = 4;

    /** A compressed block of segments and the end of its newest one. */
    private record Block(CompressedRows rows, long lastTo) {
    }

    private final ArrayDeque<Block> blocks = new ArrayDeque<>();
    private int blockSegments;
    private long[] from = new long[8];
    private long[] to = new long[8];
    private float[] expected = new float[8];
    private float[] lower = new float[8];
    private float[] upper = new float[8];
    private byte[] basis = new byte[8];
    private int size;   // segments in the tail, oldest first
    private long retentionMillis = Long.MAX_VALUE;

    /** Adds the band of a scored sample at {@code t}; samples not after the newest one are ignored. */
    void append(long t, double e, double l, double u, Season s, long gapMillis, long retentionMillis) {
        this.retentionMillis = retentionMillis;
        if (size > 0) {
            int last = size - 1;
            if (t <= to[last]) {
                return;
            }
            if (t - to[last] <= gapMillis) {
                // the band held until now: it is extended, or it ends where the new one begins
                to[last] = t;
                if (same(last, e, l, u, s) || t - from[last] < MIN_SEGMENT_MILLIS) {
                    return;
                }
            }
        }
        dropBefore(t - retentionMillis);
        if (size == TAIL) {
            compressTail();
        }
        if (size == from.length) {
            grow();
        }
        from[size] = t;
        to[size] = t;
        expected[size] = (float) e;
        lower[size] = (float) l;
        upper[size] = (float) u;
        basis[size] = (byte) s.ordinal();
        size++;
    }

    private boolean same(int i, double e, double l, double u, Season s) {
        double tol = TOLERANCE * Math.max(Math.max(upper[i] - lower[i], u - l), 1e-9);
        return basis[i] == s.ordinal() && Math.abs(expected[i] - e) <= tol && Math.abs(lower[i] - l) <= tol
                && Math.abs(upper[i] - u) <= tol;
    }

    /** Drops blocks whose segments all ended before {@code cutoff}, and blocks beyond {@link #MAX_SEGMENTS}. */
    private void dropBefore(long cutoff) {
        while (!blocks.isEmpty() && (blocks.peekFirst().lastTo() < cutoff || blockSegments + size >= MAX_SEGMENTS)) {
            blockSegments -= blocks.removeFirst().rows().count();
        }
        int old = 0;
        while (old < size - 1 && to[old] < cutoff) {
            old++;
        }
        if (old > 0) {
            shift(old);
        }
    }

    private void compressTail() {
        double[][] columns = new double[5][size];
        long[] starts = Arrays.copyOf(from, size);
        for (int i = 0; i < size; i++) {
            columns[LENGTH][i] = to[i] - from[i];
            columns[EXPECTED][i] = expected[i];
            columns[LOWER][i] = lower[i];
            columns[UPPER][i] = upper[i];
            columns[BASIS][i] = basis[i];
        }
        blocks.addLast(new Block(CompressedRows.of(starts, columns, size), to[size - 1]));
        blockSegments += size;
        size = 0;
    }

    /** Segments that end at or after {@code sinceMillis} (and within the retention), oldest first. */
    List<BandSegment> since(long sinceMillis) {
        long newest = newest();
        long start = newest == Long.MIN_VALUE || retentionMillis == Long.MAX_VALUE ? sinceMillis
                : Math.max(sinceMillis, newest - retentionMillis);
        List<BandSegment> out = new ArrayList<>();
        for (Iterator<Block> it = blocks.iterator(); it.hasNext(); ) {
            Block b = it.next();
            if (b.lastTo() < start) {
                continue;
            }
            CompressedRows.Rows rows = b.rows().decode().orElse(null);
            if (rows == null) {
                it.remove();   // damaged: only a bug could do it; the rest is served
                blockSegments -= b.rows().count();
                continue;
            }
            double[][] c = rows.columns();
            for (int i = 0; i < rows.times().length; i++) {
                long f = rows.times()[i];
                long end = f + (long) c[LENGTH][i];
                if (end >= start) {
                    out.add(segment(f, end, (float) c[EXPECTED][i], (float) c[LOWER][i], (float) c[UPPER][i],
                            (int) c[BASIS][i]));
                }
            }
        }
        for (int i = 0; i < size; i++) {
            if (to[i] >= start) {
                out.add(segment(from[i], to[i], expected[i], lower[i], upper[i], basis[i]));
            }
        }
        return out;
    }

    private static BandSegment segment(long from, long to, float e, float l, float u, int basis) {
        return new BandSegment(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), shortest(e), shortest(l), shortest(u),
                SEASONS[Math.floorMod(basis, SEASONS.length)].key());
    }

    /** A stored float as the shortest decimal that reads back to it ({@code 12.3}, not {@code 12.300000190734863}). */
    private static double shortest(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    /** End of the newest segment; {@code Long.MIN_VALUE} when empty. */
    long newest() {
        return size > 0 ? to[size - 1] : blocks.isEmpty() ? Long.MIN_VALUE : blocks.peekLast().lastTo();
    }

    int size() {
        return blockSegments + size;
    }

    private void shift(int n) {
        int rest = size - n;
        System.arraycopy(from, n, from, 0, rest);
        System.arraycopy(to, n, to, 0, rest);
        System.arraycopy(expected, n, expected, 0, rest);
        System.arraycopy(lower, n, lower, 0, rest);
        System.arraycopy(upper, n, upper, 0, rest);
        System.arraycopy(basis, n, basis, 0, rest);
        size = rest;
    }

    private void grow() {
        int n = Math.min(TAIL, from.length * 2);
        from = Arrays.copyOf(from, n);
        to = Arrays.copyOf(to, n);
        expected = Arrays.copyOf(expected, n);
        lower = Arrays.copyOf(lower, n);
        upper = Arrays.copyOf(upper, n);
        basis = Arrays.copyOf(basis, n);
    }
}
