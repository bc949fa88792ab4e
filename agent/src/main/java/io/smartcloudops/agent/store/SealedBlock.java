package io.smartcloudops.agent.store;

/**
 * A full block of one host's samples, compressed: one bit stream of timestamps and one per metric, laid
 * end to end in {@code bits}; {@code ends[k]} is where stream k stops (stream 0 holds the timestamps,
 * stream 1 + m metric m). Immutable, so queries decode it without holding the host's lock. The first and
 * last timestamps and a checksum of the words are kept outside the streams: a block that does not decode
 * to exactly its count, its bounds and its checksum is corrupt, and the caller drops it.
 */
final class SealedBlock {

    private final long firstTime;
    private final long lastTime;
    private final int count;
    private final long[] bits;
    private final long[] ends;
    private final long checksum;

    /** Takes the arrays as they are (tests build damaged copies through this). */
    SealedBlock(long firstTime, long lastTime, int count, long[] bits, long[] ends, long checksum) {
        this.firstTime = firstTime;
        this.lastTime = lastTime;
        this.count = count;
        this.bits = bits;
        this.ends = ends;
        this.checksum = checksum;
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
        return ends.clone();
    }

    long checksum() {
        return checksum;
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
        return new SealedBlock(times[0], times[count - 1], count, bits, ends, checksum(bits, ends));
    }

    /** A 64-bit mix of the words and stream ends (not cryptographic: it catches damage, not forgery). */
    static long checksum(long[] bits, long[] ends) {
        long h = 0x9E3779B97F4A7C15L ^ bits.length;
        for (long w : bits) {
            h = (h ^ w) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        for (long e : ends) {
            h = (h ^ e) * 0x94D049BB133111EBL;
            h ^= h >>> 29;
        }
        return h;
    }

    void verify() throws CorruptBlockException {
        if (count < 1 || ends.length < 1 || checksum(bits, ends) != checksum) {
            throw new CorruptBlockException("checksum mismatch");
        }
    }

    /** The timestamps, checked against the block's bounds and strictly increasing. */
    long[] times() throws CorruptBlockException {
        verify();
        long[] out = new long[count];
        BitReader in = new BitReader(bits, 0, ends[0]);
        GorillaCodec.readTimes(in, out, count);
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

    /** The values of stream {@code 1 + column} (NaN where the metric was absent). */
    double[] column(int column) throws CorruptBlockException {
        if (column < 0 || column + 1 >= ends.length) {
            throw new CorruptBlockException("no column " + column);
        }
        double[] out = new double[count];
        BitReader in = new BitReader(bits, ends[column], ends[column + 1]);
        GorillaCodec.readValues(in, out, count);
        if (!in.atEnd()) {
            throw new CorruptBlockException("column " + column + " has bits left over");
        }
        return out;
    }

    /** Heap bytes of this block: the object, its two arrays and their headers (compressed oops). */
    long footprintBytes() {
        return 48 + 16 + 8L * bits.length + 16 + 8L * ends.length;
    }
}
