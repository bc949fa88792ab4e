package io.smartcloudops.agent.store;

/**
 * Reads bit fields written by {@link BitWriter} from a stream between two bit positions. Reads past the
 * stream's end are not checked one by one (the decoders are hot): the caller checks {@link #atEnd()} when
 * a stream is done, and a read past the array's end fails with an index exception the caller turns into
 * a {@link CorruptBlockException}.
 */
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

    /** The next 64 bits, left-aligned (zeros past the last word), without consuming them. */
    long peek() {
        int word = (int) (position >>> 6);
        int offset = (int) (position & 63);
        long high = words[word] << offset;
        if (offset == 0 || word + 1 >= words.length) {
            return high;
        }
        return high | (words[word + 1] >>> (64 - offset));
    }

    void skip(int n) {
        position += n;
    }

    /** The next {@code n} bits (1 to 64) as the low bits of a long. */
    long read(int n) {
        long v = peek() >>> (64 - n);
        position += n;
        return v;
    }

    /** Exactly at the stream's end: neither short of it nor past it. */
    boolean atEnd() {
        return position == end;
    }
}
