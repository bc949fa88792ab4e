package io.smartcloudops.agent.store;

/**
 * The two encodings of the Gorilla paper (Pelkonen et al., VLDB 2015), the format Prometheus' TSDB
 * chunks use as well. Timestamps: the first raw, then the delta of deltas in a prefix code
 * ({@code 0} for a steady interval, then 7, 9, 12 and 32-bit fields; a 64-bit escape keeps any jump
 * exact). Values: the first raw, then each XORed with the previous one: {@code 0} for a repeat, else the
 * meaningful bits inside the previous value's window, or a new window (5 bits of leading zeros, 6 of
 * length). Every double round-trips bit for bit, NaN payloads, infinities and -0.0 included.
 *
 * <p>One addition, chosen per column of a block by a leading bit: values that are short decimals (what
 * CSV files and many exporters give: 25.3, 0.52, 120000) barely compress under XOR, because a decimal
 * fraction has no short binary form (25.3 XOR 26.1 leaves about 50 meaningful bits). When every value of
 * the column equals {@code l / 10^e} exactly for integers {@code l} (|l| < 2^53) and one exponent
 * {@code e}, the column stores {@code e} and the deltas of the integers in a prefix code instead; the
 * canonical NaN (an absent metric) has a code of its own. Division by an exact power of ten is correctly
 * rounded, so decoding yields the very same bits. Any other column keeps the XOR encoding.
 *
 * <p>A second code for the same deltas (and for timestamps): a Rice code with the parameter {@code k} that suits
 * the block ({@link Rice}). The fixed prefix classes above spend 24 bits on every delta between 2,048 and 2^19,
 * which is where a noisy percentage at 0.001 points or a byte rate at 1 B/s lands on every sample; a Rice code
 * with {@code k} picked from the block's own deltas spends about {@code k + 2}. Timestamps are coded as each
 * interval's difference from the block's median interval, so a collector's jitter of a few milliseconds costs
 * about 4 bits instead of the 9 of a delta of deltas (which doubles the jitter). Each stream says which code it
 * uses in one bit; the encoder counts the bits of both and keeps the shorter, so no block grows.
 */
final class GorillaCodec {

    private GorillaCodec() {
    }

    static void writeTimes(BitWriter out, long[] times, int n) {
        if (n == 0) {
            return;
        }
        long[] symbols = new long[Math.max(0, n - 1)];
        long reference = n < 2 ? 0 : medianInterval(times, n);
        for (int i = 1; i < n; i++) {
            symbols[i - 1] = Rice.zigzag(times[i] - times[i - 1] - reference);
        }
        int k = Rice.bestK(symbols, symbols.length);
        if (n >= 2 && Rice.bits(symbols, symbols.length, k) + 64 + Rice.K_BITS < deltaOfDeltaBits(times, n)) {
            out.write(1, 1);
            out.write(times[0], 64);
            out.write(reference, 64);
            out.write(k, Rice.K_BITS);
            for (long z : symbols) {
                Rice.write(out, z, k);
            }
            return;
        }
        out.write(0, 1);
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

    private static long medianInterval(long[] times, int n) {
        long[] d = new long[n - 1];
        for (int i = 1; i < n; i++) {
            d[i - 1] = times[i] - times[i - 1];
        }
        java.util.Arrays.sort(d);
        return d[d.length / 2];
    }

    private static long deltaOfDeltaBits(long[] times, int n) {
        long bits = 64;
        long previousDelta = 0;
        for (int i = 1; i < n; i++) {
            long delta = times[i] - times[i - 1];
            long dod = delta - previousDelta;
            previousDelta = delta;
            bits += dod == 0 ? 1 : dod >= -64 && dod <= 63 ? 9 : dod >= -256 && dod <= 255 ? 12 : dod >= -2048 && dod <= 2047 ? 16
                    : dod >= Integer.MIN_VALUE && dod <= Integer.MAX_VALUE ? 37 : 69;
        }
        return bits;
    }

    /** Decodes {@code n} timestamps; the prefix is read from one 64-bit peek (count of leading ones). */
    static void readTimes(BitReader in, long[] times, int n) throws CorruptBlockException {
        if (n == 0) {
            return;
        }
        if (in.read(1) == 1) {
            times[0] = in.read(64);
            long reference = in.read(64);
            int k = Rice.readK(in);
            for (int i = 1; i < n; i++) {
                times[i] = times[i - 1] + reference + Rice.unzigzag(Rice.read(in, k, in.peek()));
            }
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

    private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);
    private static final int MAX_EXPONENT = 15;
    private static final double[] POWERS = new double[MAX_EXPONENT + 1];

    static {
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            POWERS[e] = Math.pow(10, e);  // exact: every power of ten up to 10^22 is a double
        }
    }

    static void writeValues(BitWriter out, double[] values, int n) {
        if (n == 0) {
            return;
        }
        int e = decimalExponent(values, n);
        if (e < 0) {
            out.write(0, 1);
            writeXor(out, values, n);
        } else {
            out.write(1, 1);
            out.write(e, 4);
            double p = POWERS[e];
            long[] symbols = new long[n];
            int count = 0;
            long previous = 0;
            for (int i = 0; i < n; i++) {
                if (Double.doubleToRawLongBits(values[i]) != CANONICAL_NAN) {
                    long l = Math.round(values[i] * p);
                    symbols[count++] = Rice.zigzag(l - previous);
                    previous = l;
                }
            }
            int k = Rice.bestK(symbols, count);
            long rice = Rice.bits(symbols, count, k) + (long) (n - count) * Rice.ABSENT_BITS + Rice.K_BITS;
            if (rice < decimalBits(values, n, p)) {
                out.write(1, 1);
                out.write(k, Rice.K_BITS);
                writeDecimalRice(out, values, n, p, k);
            } else {
                out.write(0, 1);
                writeDecimal(out, values, n, p);
            }
        }
    }

    private static long decimalBits(double[] values, int n, double p) {
        long bits = 0;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(values[i]) == CANONICAL_NAN) {
                bits += 6;
                continue;
            }
            long l = Math.round(values[i] * p);
            long delta = l - previous;
            previous = l;
            bits += delta == 0 ? 1 : delta >= -32 && delta <= 31 ? 8 : delta >= -2048 && delta <= 2047 ? 15
                    : delta >= -(1 << 19) && delta < (1 << 19) ? 24 : delta >= Integer.MIN_VALUE && delta <= Integer.MAX_VALUE ? 37 : 70;
        }
        return bits;
    }

    private static void writeDecimalRice(BitWriter out, double[] values, int n, double p, int k) {
        long previous = 0;
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(values[i]) == CANONICAL_NAN) {
                Rice.writeAbsent(out);
                continue;
            }
            long l = Math.round(values[i] * p);
            Rice.write(out, Rice.zigzag(l - previous), k);
            previous = l;
        }
    }

    private static void readDecimalRice(BitReader in, double[] values, int n, double p) throws CorruptBlockException {
        int k = Rice.readK(in);
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long w = in.peek();
            if (Rice.absentNext(in, w)) {
                values[i] = Double.NaN;
                continue;
            }
            previous += Rice.unzigzag(Rice.read(in, k, w));
            values[i] = previous / p;
        }
    }

    static void readValues(BitReader in, double[] values, int n) throws CorruptBlockException {
        if (n == 0) {
            return;
        }
        if (in.read(1) == 0) {
            readXor(in, values, n);
        } else {
            double p = POWERS[(int) in.read(4)];
            if (in.read(1) == 1) {
                readDecimalRice(in, values, n, p);
            } else {
                readDecimal(in, values, n, p);
            }
        }
    }

    /** The smallest exponent {@code e} with {@code v == l / 10^e} exactly (|l| < 2^53), or -1 (NaN, -0.0, none). */
    static int decimalExponent(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (bits == Long.MIN_VALUE || Double.isNaN(v)) {
            return -1;
        }
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            double scaled = v * POWERS[e];
            if (Math.abs(scaled) < 0x1p53 && Double.doubleToRawLongBits(Math.round(scaled) / POWERS[e]) == bits) {
                return e;
            }
        }
        return -1;
    }

    static double power(int e) {
        return POWERS[e];
    }

    /** The smallest exponent that writes every value as an exact decimal, or -1 if none does. */
    private static int decimalExponent(double[] values, int n) {
        exponents:
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            double p = POWERS[e];
            for (int i = 0; i < n; i++) {
                long bits = Double.doubleToRawLongBits(values[i]);
                if (bits == CANONICAL_NAN) {
                    continue;
                }
                if (bits == Long.MIN_VALUE) {
                    return -1;  // -0.0 has no integer form
                }
                double scaled = values[i] * p;
                if (!(Math.abs(scaled) < 0x1p53)) {
                    continue exponents;  // too large here (and NaN payloads, infinities: never)
                }
                long l = Math.round(scaled);
                if (Double.doubleToRawLongBits(l / p) != bits) {
                    continue exponents;
                }
            }
            return e;
        }
        return -1;
    }

    /**
     * Deltas of the integers by their count of leading ones: 0 = no change, 10 + 6 bits, 110 + 12,
     * 1110 + 20, 11110 + 32, 111110 + 64, and 111111 = the canonical NaN (the integer carries over).
     */
    private static void writeDecimal(BitWriter out, double[] values, int n, double p) {
        long previous = 0;
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(values[i]) == CANONICAL_NAN) {
                out.write(0b111111, 6);
                continue;
            }
            long l = Math.round(values[i] * p);
            long delta = l - previous;
            previous = l;
            if (delta == 0) {
                out.write(0, 1);
            } else if (delta >= -32 && delta <= 31) {
                out.write(0b10, 2);
                out.write(delta, 6);
            } else if (delta >= -2048 && delta <= 2047) {
                out.write(0b110, 3);
                out.write(delta, 12);
            } else if (delta >= -(1 << 19) && delta < (1 << 19)) {
                out.write(0b1110, 4);
                out.write(delta, 20);
            } else if (delta >= Integer.MIN_VALUE && delta <= Integer.MAX_VALUE) {
                out.write(0b11110, 5);
                out.write(delta, 32);
            } else {
                out.write(0b111110, 6);
                out.write(delta, 64);
            }
        }
    }

    private static void readDecimal(BitReader in, double[] values, int n, double p) {
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long w = in.peek();
            switch (Long.numberOfLeadingZeros(~w)) {
                case 0 -> in.skip(1);
                case 1 -> {
                    previous += (w << 2) >> 58;
                    in.skip(2 + 6);
                }
                case 2 -> {
                    previous += (w << 3) >> 52;
                    in.skip(3 + 12);
                }
                case 3 -> {
                    previous += (w << 4) >> 44;
                    in.skip(4 + 20);
                }
                case 4 -> {
                    previous += (w << 5) >> 32;
                    in.skip(5 + 32);
                }
                case 5 -> {
                    in.skip(6);
                    previous += in.read(64);
                }
                default -> {
                    in.skip(6);
                    values[i] = Double.NaN;
                    continue;
                }
            }
            values[i] = previous / p;
        }
    }

    private static void writeXor(BitWriter out, double[] values, int n) {
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

    /** Decodes {@code n} XORed values; control bits and short fields come from one 64-bit peek. */
    private static void readXor(BitReader in, double[] values, int n) throws CorruptBlockException {
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
