package io.smartcloudops.agent.store;

/**
 * A full block of one host's samples, compressed: one bit stream of timestamps and one per metric, laid
 * end to end in {@code bits}; {@code ends[k]} is where stream k stops (stream 0 holds the timestamps,
 * stream 1 + m metric m). Immutable, so queries decode it without holding the host's lock. The first and
 * last timestamps and a checksum of each stream's words (32 bits of it) are kept outside the streams: a stream that does
 * not decode to exactly its count, its length, the block's bounds and its checksum is corrupt, and the
 * caller drops the block. A query checks only the streams it decodes (a checksum of the whole block cost
 * a third of a query's time in bench/store).
 */
final class SealedBlock {

    private final long firstTime;
    private final long lastTime;
    private final int count;
    private final long[] bits;
    /**
     * Per stream, its end (bit position, low 32 bits) and the low 32 bits of its checksum (high): one array instead of
     * two, 80 bytes less per block (about 0.7 B a sample). An end that does not fit is kept as {@link #NO_END}, past
     * any block, so that stream is refused.
     */
    private final long[] index;
    private static final long NO_END = 0xFFFF_FFFFL;

    /** Takes the arrays as they are (tests build damaged copies through this). */
    SealedBlock(long firstTime, long lastTime, int count, long[] bits, long[] ends, long[] checksums) {
        this.firstTime = firstTime;
        this.lastTime = lastTime;
        this.count = count;
        this.bits = bits;
        this.index = new long[ends.length == checksums.length ? ends.length : 0];
        for (int k = 0; k < index.length; k++) {
            long end = ends[k] >= 0 && ends[k] < NO_END ? ends[k] : NO_END;
            index[k] = (checksums[k] << 32) | end;
        }
    }

    static SealedBlock seal(long[] times, double[][] columns, int count) {
        BitWriter out = new BitWriter(count * (columns.length + 1) / 4 + 8);
        long[] ends = new long[columns.length + 1];
        GorillaCodec.writeTimes(out, times, count);
        ends[0] = out.length();
        for (int m = 0; m < columns.length; m++) {
            GorillaCodec.writeValues(out, columns[m], count);
            ends[m + 1] = out.length();
        }
        long[] bits = out.toArray();
        return new SealedBlock(times[0], times[count - 1], count, bits, ends, checksums(bits, ends));
    }

    static long[] checksums(long[] bits, long[] ends) {
        long[] sums = new long[ends.length];
        for (int k = 0; k < ends.length; k++) {
            sums[k] = checksum(bits, k == 0 ? 0 : ends[k - 1], ends[k]);
        }
        return sums;
    }

    /** A 64-bit mix of the words a stream touches and its bounds (not cryptographic: it catches damage). */
    private static long checksum(long[] bits, long start, long end) {
        long h = 0x9E3779B97F4A7C15L ^ start ^ (end << 32);
        if (start < 0 || end < start || end > 64L * bits.length) {
            return ~h;  // bounds outside the words: the stream is refused before its checksum matters
        }
        int last = (int) ((end + 63) >>> 6);
        for (int i = (int) (start >>> 6); i < last; i++) {
            h = (h ^ bits[i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    long firstTime() {
        return firstTime;
    }

    long lastTime() {
        return lastTime;
    }

    int count() {
        return count;
    }

    /** A copy of the words, for tests that damage them. */
    long[] copyOfBits() {
        return bits.clone();
    }

    long[] copyOfEnds() {
        long[] ends = new long[index.length];
        for (int k = 0; k < ends.length; k++) {
            ends[k] = end(k);
        }
        return ends;
    }

    long[] copyOfChecksums() {
        long[] sums = new long[index.length];
        for (int k = 0; k < sums.length; k++) {
            sums[k] = index[k] >>> 32;
        }
        return sums;
    }

    /** The timestamps, checked against the block's bounds and strictly increasing. */
    long[] times() throws CorruptBlockException {
        BitReader in = stream(0);
        long[] out = new long[count];
        try {
            GorillaCodec.readTimes(in, out, count);
        } catch (IndexOutOfBoundsException e) {
            throw new CorruptBlockException("timestamps run past the block");
        }
        if (!in.atEnd() || out[0] != firstTime || out[count - 1] != lastTime) {
            throw new CorruptBlockException("timestamps do not match the block's bounds");
        }
        for (int i = 1; i < count; i++) {
            if (out[i] <= out[i - 1]) {
                throw new CorruptBlockException("timestamps not increasing");
            }
        }
        return out;
    }

    /** The values of metric column {@code column} (NaN where the metric was absent). */
    double[] column(int column) throws CorruptBlockException {
        BitReader in = stream(column + 1);
        double[] out = new double[count];
        try {
            GorillaCodec.readValues(in, out, count);
        } catch (IndexOutOfBoundsException e) {
            throw new CorruptBlockException("column " + column + " runs past the block");
        }
        if (!in.atEnd()) {
            throw new CorruptBlockException("column " + column + " does not end where the block says");
        }
        return out;
    }

    private long end(int k) {
        return index[k] & NO_END;
    }

    private BitReader stream(int k) throws CorruptBlockException {
        if (count < 1 || k < 0 || k >= index.length) {
            throw new CorruptBlockException("no stream " + k + " in a block of " + count + " samples");
        }
        long start = k == 0 ? 0 : end(k - 1);
        long end = end(k);
        if (end < start || end > 64L * bits.length) {
            throw new CorruptBlockException("stream " + k + " at bits " + start + ".." + end + " outside the block");
        }
        if (end - start < count) {  // every sample takes at least a bit
            throw new CorruptBlockException("stream " + k + " too short for " + count + " samples");
        }
        if ((checksum(bits, start, end) & 0xFFFF_FFFFL) != index[k] >>> 32) {
            throw new CorruptBlockException("stream " + k + " fails its checksum");
        }
        return new BitReader(bits, start, end);
    }

    /** Heap bytes of this block: the object, its three arrays and their headers (compressed oops). */
    long footprintBytes() {
        return 40 + 16 + 8L * bits.length + 16 + 8L * index.length;
    }
}
