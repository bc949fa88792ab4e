package io.smartcloudops.agent.evaluate;

/**
 * The mean as numpy computes it ({@code np.mean}: a pairwise sum with
 * eight accumulators per block), so averages agree with the reference scorer to the last bit.
 */
final class NumpyMean {

    private static final int BLOCK = 128;

    private NumpyMean() {
    }

    static double of(double[] a) {
        if (a.length == 0) {
            return Double.NaN;
        }
        return pairwise(a, 0, a.length) / a.length;
    }

    private static double pairwise(double[] a, int off, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, off, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[off + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
    }
}
