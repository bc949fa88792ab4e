package io.smartcloudops.agent.store;

/**
 * A Rice code (Golomb coding with a power-of-two divisor) for unsigned 64-bit symbols: the quotient
 * {@code z >>> k} in unary (that many ones, then a zero) and the low {@code k} bits as they are. Deltas of a noisy
 * gauge are spread evenly over a range, which a code with fixed classes pays for in its widest class; with
 * {@code k} fitted to the block ({@link #bestK}) each costs about {@code k + 2} bits. A quotient of {@link #ESCAPE}
 * or more is an escape: {@code ESCAPE} ones, a flag bit, then either the raw 64-bit symbol (flag 0) or nothing
 * (flag 1: an absent value, the canonical NaN of a column), so any symbol can be written and a huge jump costs 89
 * bits, not millions.
 */
final class Rice {

    static final int K_BITS = 6;
    static final int ESCAPE = 24;
    /** Bits of an absent value. */
    static final int ABSENT_BITS = ESCAPE + 1;

    private Rice() {
    }

    /** Signed to unsigned, small magnitudes first: 0, -1, 1, -2, ... become 0, 1, 2, 3, ... */
    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long z) {
        return (z >>> 1) ^ -(z & 1);
    }

    /** Bits of the first {@code n} symbols at parameter {@code k}. */
    static long bits(long[] symbols, int n, int k) {
        long bits = 0;
        for (int i = 0; i < n; i++) {
            long q = symbols[i] >>> k;
            bits += q < ESCAPE ? q + 1 + k : ESCAPE + 1 + 64;
        }
        return bits;
    }

    /** The parameter that codes the first {@code n} symbols in the fewest bits. */
    static int bestK(long[] symbols, int n) {
        int best = 0;
        long bestBits = Long.MAX_VALUE;
        for (int k = 0; k < 64; k++) {
            long b = bits(symbols, n, k);
            if (b < bestBits) {
                bestBits = b;
                best = k;
            }
        }
        return best;
    }

    static void write(BitWriter out, long z, int k) {
        long q = z >>> k;
        if (q < ESCAPE) {
            out.write(((1L << q) - 1) << 1, (int) q + 1);
            out.write(z, k);
        } else {
            out.write(-1L, ESCAPE);
            out.write(0, 1);
            out.write(z, 64);
        }
    }

    static void writeAbsent(BitWriter out) {
        out.write(-1L, ESCAPE);
        out.write(1, 1);
    }

    static int readK(BitReader in) {
        return (int) in.read(K_BITS);
    }

    /** Whether the code starting the peeked word {@code w} is an absent value (consumed if so). */
    static boolean absentNext(BitReader in, long w) {
        if (Long.numberOfLeadingZeros(~w) >= ESCAPE && (w << ESCAPE) < 0) {
            in.skip(ESCAPE + 1);
            return true;
        }
        return false;
    }

    /**
     * The symbol whose code starts the peeked word {@code w}; an absent value here (where {@link #absentNext} was not
     * asked) is damage. Quotient and remainder come from that one word when they fit in it.
     */
    static long read(BitReader in, int k, long w) throws CorruptBlockException {
        int ones = Long.numberOfLeadingZeros(~w);
        if (ones >= ESCAPE) {
            in.skip(ESCAPE);
            if (in.read(1) != 0) {
                throw new CorruptBlockException("an absent value where none may be");
            }
            return in.read(64);
        }
        int used = ones + 1;
        if (k == 0) {
            in.skip(used);
            return ones;
        }
        if (used + k <= 64) {
            in.skip(used + k);
            return ((long) ones << k) | ((w << used) >>> (64 - k));
        }
        in.skip(used);
        return ((long) ones << k) | in.read(k);
    }
}
