package io.smartcloudops.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every series the encoder takes comes back bit for bit. Seeded: {@code -Dhostile.seed=N} replays a failure,
 * {@code -Dhostile.cases=N} runs more cases.
 */
class GorillaCodecTest {

    private static final double[] SPECIAL = {
        Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff8000000000123L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e308, -1e-308, 1.0, 100.0, 99.99999999999999};

    @Test
    void randomSeriesRoundTripBitForBitIncludingNanInfinitiesNegativeZeroAndHugeJumps() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        int cases = Integer.getInteger("hostile.cases", 1_000);
        System.out.println("GorillaCodecTest seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < cases; c++) {
            int n = 1 + random.nextInt(c % 10 == 0 ? 2_000 : 200);
            long[] times = times(random, n);
            double[][] columns = new double[1 + random.nextInt(8)][];
            for (int m = 0; m < columns.length; m++) {
                columns[m] = values(random, n);
            }
            SealedBlock block = SealedBlock.seal(times, columns, n);
            assertThat(block.times()).as("case %d timestamps", c).containsExactly(java.util.Arrays.copyOf(times, n));
            for (int m = 0; m < columns.length; m++) {
                double[] back = block.column(m);
                for (int i = 0; i < n; i++) {
                    assertThat(Double.doubleToRawLongBits(back[i])).as("case %d column %d row %d of %d", c, m, i, n)
                            .isEqualTo(Double.doubleToRawLongBits(columns[m][i]));
                }
            }
        }
    }

    /** Strictly increasing: steady intervals with jitter, gaps, and jumps across the whole long range. */
    private static long[] times(SplittableRandom random, int n) {
        long[] t = new long[n];
        t[0] = switch (random.nextInt(4)) {
            case 0 -> Long.MIN_VALUE + random.nextInt(1000);
            case 1 -> random.nextLong() >> 2;
            default -> 1_795_000_000_000L + random.nextInt(1_000_000);
        };
        long interval = 1 + random.nextInt(60_000);
        for (int i = 1; i < n; i++) {
            long step = switch (random.nextInt(12)) {
                case 0 -> 1 + random.nextLong(Long.MAX_VALUE / (4L * n));  // huge jump
                case 1 -> 1 + random.nextInt(3);
                case 2 -> interval + random.nextInt(5_000);
                case 3 -> Math.max(1, interval - random.nextInt((int) Math.min(interval, 5_000)));
                default -> Math.max(1, interval + random.nextInt(3) - 1);
            };
            long next = t[i - 1] + step;
            t[i] = next > t[i - 1] ? next : t[i - 1] + 1;
        }
        return t;
    }

    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        double level = random.nextDouble() * 100;
        int style = random.nextInt(7);
        int digits = random.nextInt(5);
        double scale = Math.pow(10, digits);
        for (int i = 0; i < n; i++) {
            if (style >= 5) {  // short decimals as CSVs and exporters give them, absent now and then (canonical NaN)
                double x = Math.round((style == 5 ? level + random.nextGaussian() : random.nextDouble() * 1e9) * scale) / scale;
                v[i] = random.nextInt(style == 5 ? 200 : 10) == 0 ? Double.NaN : random.nextInt(30) == 0 ? -x : x;
                continue;
            }
            v[i] = switch (random.nextInt(20) == 0 ? 0 : style) {
                case 0 -> SPECIAL[random.nextInt(SPECIAL.length)];
                case 1 -> Double.longBitsToDouble(random.nextLong());
                case 2 -> level;  // repeats
                case 3 -> Math.round((level + random.nextGaussian()) * 10) / 10.0;
                default -> level + random.nextDouble() * (random.nextInt(50) == 0 ? 1e300 : 1);
            };
        }
        return v;
    }

    @Test
    void aBlockOfSteadySamplesIsSmallerThanRawArrays() {
        int n = HostSeries.BLOCK;
        long[] times = new long[n];
        double[][] columns = new double[7][n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_795_000_000_000L + 5_000L * i + (i % 3);
            for (int m = 0; m < 7; m++) {
                columns[m][i] = m == 2 ? 55.0 : Math.round(10 * (40 + m + Math.sin(i / 10.0))) / 10.0;
            }
        }
        long raw = 8L * n * 8;
        assertThat(SealedBlock.seal(times, columns, n).footprintBytes()).isLessThan(raw / 2);
    }

    @Test
    void shortDecimalsTakeAFewBitsAndEverythingElseKeepsTheXorEncoding() throws Exception {
        int n = HostSeries.BLOCK;
        double[] decimals = new double[n];
        double[] full = new double[n];
        double[] negativeZero = new double[n];
        for (int i = 0; i < n; i++) {
            full[i] = 40 + Math.sin(i / 7.0) * 3.3333;
            decimals[i] = i % 10 == 3 ? Double.NaN : Math.round(full[i] * 10) / 10.0;
            negativeZero[i] = i == 5 ? -0.0 : decimals[i];
        }
        for (double[] column : new double[][] {decimals, full, negativeZero}) {
            SealedBlock b = SealedBlock.seal(new long[] {0}, new double[][] {column}, 1);
            assertThat(b.count()).isEqualTo(1);
        }
        long decimalBits = bitsOfColumn(decimals);
        long fullBits = bitsOfColumn(full);
        assertThat(decimalBits).as("one decimal: about a byte a value").isLessThan(12L * n);
        assertThat(fullBits).as("full precision: XOR").isGreaterThan(30L * n);
        assertThat(bitsOfColumn(negativeZero)).as("-0.0 forces XOR").isGreaterThan(30L * n);
        for (double[] column : new double[][] {decimals, full, negativeZero}) {
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                times[i] = 5_000L * i;
            }
            double[] back = SealedBlock.seal(times, new double[][] {column}, n).column(0);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(column[i]));
            }
        }
    }

    @Test
    void noisyGaugesAtTheCollectorsResolutionAndJitteredTimestampsTakeTheRiceCode() throws Exception {
        int n = HostSeries.BLOCK;
        java.util.Random random = new java.util.Random(7);
        double[] cpu = new double[n];          // a percentage at 0.001 points: deltas in the thousands
        double[] bytes = new double[n];        // a byte rate at 1 B/s: deltas in the tens of thousands
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            cpu[i] = i == 17 ? Double.NaN : Math.round((25 + 4 * random.nextDouble()) * 1000) / 1000.0;
            bytes[i] = Math.round(100_000 + 10_000 * random.nextDouble());
            times[i] = 1_795_000_000_000L + 5_000L * i + random.nextInt(7);
        }
        // the fixed classes spend 24 bits on each of these deltas; the Rice code about 14 and 16
        assertThat(bitsOfColumn(cpu)).isLessThan(16L * n);
        assertThat(bitsOfColumn(bytes)).isLessThan(18L * n);
        BitWriter t = new BitWriter(8);
        GorillaCodec.writeTimes(t, times, n);
        assertThat(t.length()).as("jitter of 0-6 ms: about 4 bits a timestamp, not the 9 of a delta of deltas").isLessThan(5L * n + 200);
        SealedBlock block = SealedBlock.seal(times, new double[][] {cpu, bytes}, n);
        assertThat(block.times()).containsExactly(times);
        for (int c = 0; c < 2; c++) {
            double[] column = c == 0 ? cpu : bytes;
            double[] back = block.column(c);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(column[i]));
            }
        }
    }

    private static long bitsOfColumn(double[] column) {
        BitWriter out = new BitWriter(8);
        GorillaCodec.writeValues(out, column, column.length);
        return out.length();
    }

    @Test
    void damagedOrTruncatedBlocksAreRefusedNotMisread() {
        long[] times = {1000, 2000, 3000, 4000};
        double[][] columns = {{1.5, 2.5, Double.NaN, 4.5}};
        SealedBlock good = SealedBlock.seal(times, columns, 4);
        long[] bits = good.copyOfBits();
        long[] flipped = bits.clone();
        flipped[0] ^= 1L << 20;
        SealedBlock bitFlip = new SealedBlock(1000, 4000, 4, flipped, good.copyOfEnds(), good.copyOfChecksums());
        assertThatThrownBy(bitFlip::times).isInstanceOf(CorruptBlockException.class);

        long[] shortEnds = good.copyOfEnds();
        shortEnds[1] = bits.length * 64L + 640;  // claims more bits than the block holds
        SealedBlock truncated = new SealedBlock(1000, 4000, 4, bits, shortEnds, SealedBlock.checksums(bits, shortEnds));
        assertThatThrownBy(() -> truncated.column(0)).isInstanceOf(CorruptBlockException.class);

        SealedBlock wrongCount = new SealedBlock(1000, 4000, 9, bits, good.copyOfEnds(), good.copyOfChecksums());
        assertThatThrownBy(wrongCount::times).isInstanceOf(CorruptBlockException.class);
    }

    @Test
    void garbageNeverDecodesToAnythingButACorruptBlock() {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("GorillaCodecTest garbage seed=" + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int decoded = 0;
        for (int c = 0; c < 20_000; c++) {
            long[] bits = new long[random.nextInt(40)];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = random.nextInt(3) == 0 ? 0 : random.nextLong();
            }
            long[] ends = new long[1 + random.nextInt(3)];
            for (int k = 0; k < ends.length; k++) {
                ends[k] = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(bits.length * 64 + 100);
            }
            int count = random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(200);
            SealedBlock block = new SealedBlock(random.nextLong(), random.nextLong(), count, bits, ends, SealedBlock.checksums(bits, ends));
            try {
                block.times();
                decoded++;
            } catch (CorruptBlockException expected) {
                // the only way a damaged block may fail
            }
            try {
                block.column(random.nextInt(3) - 1);
            } catch (CorruptBlockException expected) {
                // likewise
            }
        }
        System.out.println(decoded + " of 20000 garbage blocks happened to decode as valid timestamps");
    }
}
