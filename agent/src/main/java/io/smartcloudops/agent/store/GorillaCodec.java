package io.smartcloudops.agent.store;

/**
 * The two encodings of the Gorilla paper (Pelkonen et al., VLDB 2015), the format Prometheus' TSDB
 * chunks use as well. Timestamps: the first raw, then the delta of deltas in a prefix code
 * ({@code 0} for a steady interval, then 7, 9, 12 and 32-bit fields; a 64-bit escape keeps any jump
 * exact). Values: the first raw, then each XORed with the previous one: {@code 0} for a repeat, else the
 * meaningful bits inside the previous value's window, or a new window (5 bits of leading zeros, 6 of
 * length). Every double round-trips bit for bit, NaN payloads, infinities and -0.0 included.
 */
final class GorillaCodec {

    private GorillaCodec() {
    }

    static void writeTimes(BitWriter out, long[] times, int n) {
        if (n == 0) {
            return;
        }
        out.write(times[0], 64);
        long previousDelta = 0;
        for (int i = 1; i < n; i++) {
            long delta = times[i] - times[i - 1];
            long dod = delta - previousDelta;
            previousDelta = delta;
            if (dod == 0) {
                out.write(0b0, 1);
            } else if (dod >= -64 && dod <= 63) {
                out.write(0b10, 2);
                out.write(dod, 7);
            } else if (dod >= -256 && dod <= 255) {
                out.write(0b110, 3);
                out.write(dod, 9);
            } else if (dod >= -2048 && dod <= 2047) {
                out.write(0b1110, 4);
                out.write(dod, 12);
            } else if (dod >= Integer.MIN_VALUE && dod <= Integer.MAX_VALUE) {
                out.write(0b11110, 5);
                out.write(dod, 32);
            } else {
                out.write(0b11111, 5);
                out.write(dod, 64);
            }
        }
    }

    /** Decodes {@code n} timestamps; the prefix is read from one 64-bit peek (count of leading ones). */
    static void readTimes(BitReader in, long[] times, int n) {
        if (n == 0) {
            return;
        }
        times[0] = in.read(64);
        long previousDelta = 0;
        for (int i = 1; i < n; i++) {
            long w = in.peek();
            long dod;
            switch (Long.numberOfLeadingZeros(~w)) {
                case 0 -> {
                    dod = 0;
                    in.skip(1);
                }
                case 1 -> {
                    dod = (w << 2) >> 57;
                    in.skip(2 + 7);
                }
                case 2 -> {
                    dod = (w << 3) >> 55;
                    in.skip(3 + 9);
                }
                case 3 -> {
                    dod = (w << 4) >> 52;
                    in.skip(4 + 12);
                }
                case 4 -> {
                    dod = (w << 5) >> 32;
                    in.skip(5 + 32);
                }
                default -> {
                    in.skip(5);
                    dod = in.read(64);
                }
            }
            previousDelta += dod;
            times[i] = times[i - 1] + previousDelta;
        }
    }

    static void writeValues(BitWriter out, double[] values, int n) {
        if (n == 0) {
            return;
        }
        long previous = Double.doubleToRawLongBits(values[0]);
        out.write(previous, 64);
        int windowLeading = -1;
        int windowTrailing = 0;
        for (int i = 1; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            long xor = bits ^ previous;
            previous = bits;
            if (xor == 0) {
                out.write(0b0, 1);
                continue;
            }
            int leading = Math.min(31, Long.numberOfLeadingZeros(xor));
            int trailing = Long.numberOfTrailingZeros(xor);
            if (windowLeading >= 0 && leading >= windowLeading && trailing >= windowTrailing) {
                out.write(0b10, 2);
                out.write(xor >>> windowTrailing, 64 - windowLeading - windowTrailing);
            } else {
                int length = 64 - leading - trailing;
                out.write(0b11, 2);
                out.write(leading, 5);
                out.write(length - 1, 6);
                out.write(xor >>> trailing, length);
                windowLeading = leading;
                windowTrailing = trailing;
            }
        }
    }

    /** Decodes {@code n} values; control bits and short fields come from one 64-bit peek. */
    static void readValues(BitReader in, double[] values, int n) throws CorruptBlockException {
        if (n == 0) {
            return;
        }
        long previous = in.read(64);
        values[0] = Double.longBitsToDouble(previous);
        int windowLeading = -1;
        int windowTrailing = 0;
        for (int i = 1; i < n; i++) {
            long w = in.peek();
            if (w >= 0) {  // 0: a repeat
                in.skip(1);
            } else {
                if ((w << 1) < 0) {  // 11: a new window
                    windowLeading = (int) ((w << 2) >>> 59);
                    int length = (int) ((w << 7) >>> 58) + 1;
                    windowTrailing = 64 - windowLeading - length;
                    if (windowTrailing < 0) {
                        throw new CorruptBlockException("value window of " + windowLeading + " + " + length + " bits");
                    }
                    in.skip(13);
                } else {
                    if (windowLeading < 0) {
                        throw new CorruptBlockException("value reuses a window before any was set");
                    }
                    in.skip(2);
                }
                previous ^= in.read(64 - windowLeading - windowTrailing) << windowTrailing;
            }
            values[i] = Double.longBitsToDouble(previous);
        }
    }
}
