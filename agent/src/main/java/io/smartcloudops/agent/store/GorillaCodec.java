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

    static void readTimes(BitReader in, long[] times, int n) throws CorruptBlockException {
        if (n == 0) {
            return;
        }
        times[0] = in.read(64);
        long previousDelta = 0;
        for (int i = 1; i < n; i++) {
            long dod;
            if (!in.readBit()) {
                dod = 0;
            } else if (!in.readBit()) {
                dod = signed(in.read(7), 7);
            } else if (!in.readBit()) {
                dod = signed(in.read(9), 9);
            } else if (!in.readBit()) {
                dod = signed(in.read(12), 12);
            } else if (!in.readBit()) {
                dod = signed(in.read(32), 32);
            } else {
                dod = in.read(64);
            }
            previousDelta += dod;
            times[i] = times[i - 1] + previousDelta;
        }
    }

    private static long signed(long bits, int width) {
        return (bits << (64 - width)) >> (64 - width);
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

    static void readValues(BitReader in, double[] values, int n) throws CorruptBlockException {
        if (n == 0) {
            return;
        }
        long previous = in.read(64);
        values[0] = Double.longBitsToDouble(previous);
        int windowLeading = -1;
        int windowTrailing = 0;
        for (int i = 1; i < n; i++) {
            if (in.readBit()) {
                if (in.readBit()) {
                    windowLeading = (int) in.read(5);
                    int length = (int) in.read(6) + 1;
                    windowTrailing = 64 - windowLeading - length;
                    if (windowTrailing < 0) {
                        throw new CorruptBlockException("value window of " + windowLeading + " + " + length + " bits");
                    }
                } else if (windowLeading < 0) {
                    throw new CorruptBlockException("value reuses a window before any was set");
                }
                previous ^= in.read(64 - windowLeading - windowTrailing) << windowTrailing;
            }
            values[i] = Double.longBitsToDouble(previous);
        }
    }
}
