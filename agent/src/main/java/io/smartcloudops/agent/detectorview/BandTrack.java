package io.smartcloudops.agent.detectorview;

import io.smartcloudops.agent.detect.Season;
import io.smartcloudops.api.series.BandSegment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The band history of one host's metric as segments: a band that holds (within {@link #TOLERANCE} of its
 * width) is one segment however long it lasts, a changing band gets at most one segment a minute (each ends
 * where the next begins), and a gap in scoring longer than {@code gapMillis} starts a new segment, so time
 * without a band stays without one.
 * Primitive arrays in a ring that grows on demand up to {@link #MAX_SEGMENTS} (a day of one-minute segments);
 * segments that ended before the retention are dropped. Not thread-safe: {@link BandHistory} locks.
 */
final class BandTrack {

    /** A changing band is sampled at most once a minute: finer steps are invisible on a chart of hours. */
    static final long MIN_SEGMENT_MILLIS = 60_000;
    /** A band that moved less than this share of its width is the same band (sub-pixel on any chart). */
    static final double TOLERANCE = 0.02;
    static final int MAX_SEGMENTS = 1440;
    private static final Season[] SEASONS = Season.values();

    private long[] from = new long[8];
    private long[] to = new long[8];
    private float[] expected = new float[8];
    private float[] lower = new float[8];
    private float[] upper = new float[8];
    private byte[] basis = new byte[8];
    private int head;   // index of the oldest segment
    private int size;

    /** Adds the band of a scored sample at {@code t}; samples not after the newest one are ignored. */
    void append(long t, double e, double l, double u, Season s, long gapMillis, long retentionMillis) {
        if (size > 0) {
            int last = index(size - 1);
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
        while (size > 0 && to[index(0)] < t - retentionMillis) {
            head = index(1);
            size--;
        }
        if (size == MAX_SEGMENTS) {
            head = index(1);
            size--;
        }
        if (size == from.length) {
            grow();
        }
        int i = index(size);
        from[i] = t;
        to[i] = t;
        expected[i] = (float) e;
        lower[i] = (float) l;
        upper[i] = (float) u;
        basis[i] = (byte) s.ordinal();
        size++;
    }

    private boolean same(int i, double e, double l, double u, Season s) {
        double tol = TOLERANCE * Math.max(Math.max(upper[i] - lower[i], u - l), 1e-9);
        return basis[i] == s.ordinal() && Math.abs(expected[i] - e) <= tol && Math.abs(lower[i] - l) <= tol
                && Math.abs(upper[i] - u) <= tol;
    }

    /** Segments that end at or after {@code sinceMillis}, oldest first. */
    List<BandSegment> since(long sinceMillis) {
        List<BandSegment> out = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            int i = index(k);
            if (to[i] >= sinceMillis) {
                out.add(new BandSegment(Instant.ofEpochMilli(from[i]), Instant.ofEpochMilli(to[i]), shortest(expected[i]),
                        shortest(lower[i]), shortest(upper[i]), SEASONS[basis[i]].key()));
            }
        }
        return out;
    }

    /** A stored float as the shortest decimal that reads back to it ({@code 12.3}, not {@code 12.300000190734863}). */
    private static double shortest(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    /** End of the newest segment; {@code Long.MIN_VALUE} when empty. */
    long newest() {
        return size == 0 ? Long.MIN_VALUE : to[index(size - 1)];
    }

    int size() {
        return size;
    }

    private int index(int k) {
        return (head + k) % from.length;
    }

    private void grow() {
        int n = Math.min(MAX_SEGMENTS, from.length * 2);
        long[] f = new long[n];
        long[] t = new long[n];
        float[] e = new float[n];
        float[] l = new float[n];
        float[] u = new float[n];
        byte[] b = new byte[n];
        for (int k = 0; k < size; k++) {
            int i = index(k);
            f[k] = from[i];
            t[k] = to[i];
            e[k] = expected[i];
            l[k] = lower[i];
            u[k] = upper[i];
            b[k] = basis[i];
        }
        from = f;
        to = t;
        expected = e;
        lower = l;
        upper = u;
        basis = b;
        head = 0;
    }
}
