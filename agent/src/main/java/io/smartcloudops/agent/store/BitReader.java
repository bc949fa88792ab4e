package io.smartcloudops.agent.store;

/** Reads bit fields written by {@link BitWriter} between two bit positions; never past the end. */
final class BitReader {

    private final long[] words;
    private final long end;
    private long position;

    BitReader(long[] words, long start, long end) throws CorruptBlockException {
        if (start < 0 || end < start || end > (long) words.length * 64) {
            throw new CorruptBlockException("stream bounds " + start + ".." + end + " outside " + words.length + " words");
        }
        this.words = words;
        this.position = start;
        this.end = end;
    }

    /** The next {@code n} bits (0 to 64) as the low bits of a long. */
    long read(int n) throws CorruptBlockException {
        if (n == 0) {
            return 0;
        }
        if (end - position < n) {
            throw new CorruptBlockException("stream ends " + (end - position) + " bits early");
        }
        int word = (int) (position >>> 6);
        int available = 64 - (int) (position & 63);
        position += n;
        if (n <= available) {
            long v = words[word] >>> (available - n);
            return n == 64 ? v : v & ((1L << n) - 1);
        }
        int rest = n - available;
        long high = words[word] & ((1L << available) - 1);
        return (high << rest) | (words[word + 1] >>> (64 - rest));
    }

    boolean readBit() throws CorruptBlockException {
        return read(1) != 0;
    }

    boolean atEnd() {
        return position == end;
    }
}
