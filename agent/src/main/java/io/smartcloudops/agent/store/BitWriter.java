package io.smartcloudops.agent.store;

import java.util.Arrays;

/** Appends bit fields, most significant bit first, to a growing {@code long[]}. */
final class BitWriter {

    private long[] words;
    private long length;

    BitWriter(int initialWords) {
        words = new long[Math.max(1, initialWords)];
    }

    /** Writes the low {@code n} bits of {@code value} (0 to 64). */
    void write(long value, int n) {
        if (n == 0) {
            return;
        }
        long v = n == 64 ? value : value & ((1L << n) - 1);
        int word = (int) (length >>> 6);
        int free = 64 - (int) (length & 63);
        if (word + 1 >= words.length) {
            words = Arrays.copyOf(words, Math.max(words.length * 2, word + 2));
        }
        if (n <= free) {
            words[word] |= v << (free - n);
        } else {
            int rest = n - free;
            words[word] |= v >>> rest;
            words[word + 1] |= v << (64 - rest);
        }
        length += n;
    }

    long length() {
        return length;
    }

    /** The words holding every bit written so far, and no more. */
    long[] toArray() {
        return Arrays.copyOf(words, (int) ((length + 63) >>> 6));
    }
}
