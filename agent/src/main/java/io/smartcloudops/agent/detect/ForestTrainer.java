package io.smartcloudops.agent.detect;

import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;

/**
 * Trains Smile isolation forests reproducibly. Smile's own {@code fit} grows trees in parallel threads
 * whose random generators are not seeded, so two fits differ (TOOLCHAIN G6). Here every tree is grown by
 * {@code IsolationForest.fit} with one tree, on the calling thread, after seeding Smile's generator with
 * (seed, tree index); the trees are then joined into one Smile forest. Same data and seed, same forest.
 * Training holds a global lock because Smile's Gaussian generator keeps a shared cache.
 *
 * <p>Sample size and depth follow the original algorithm (and scikit-learn): each tree sees
 * min(sampleSize, n) rows drawn without replacement and grows to depth ceil(log2(that)).
 */
public final class ForestTrainer {

    private static final Object SMILE_RANDOM = new Object();

    private ForestTrainer() {
    }

    /** A Smile forest of {@code trees} standard isolation trees. */
    public static IsolationForest fit(double[][] x, int trees, int sampleSize, long seed) {
        if (x.length < 2) {
            throw new IllegalArgumentException("an isolation forest needs at least 2 rows, got " + x.length);
        }
        int n = x.length;
        int psi = Math.max(2, Math.min(sampleSize, n));
        // Smile wants a fraction below 1 and rounds n * fraction: this gives exactly psi rows
        double fraction = Math.min(1 - 1e-9, (psi + 0.25) / n);
        int maxDepth = Math.max(1, (int) Math.ceil(Math.log(psi) / Math.log(2)));
        IsolationForest.Options one = new IsolationForest.Options(1, maxDepth, fraction, 0);
        IsolationTree[] grown = new IsolationTree[trees];
        synchronized (SMILE_RANDOM) {
            for (int t = 0; t < trees; t++) {
                MathEx.setSeed(mix(seed, t));
                grown[t] = IsolationForest.fit(x, one).trees()[0];
            }
        }
        return new IsolationForest(psi, x[0].length, 0, grown);
    }

    /** Trains and flattens. */
    public static FlatForest fitFlat(double[][] x, int trees, int sampleSize, long seed) {
        return FlatForest.of(fit(x, trees, sampleSize, seed), x[0].length);
    }

    /** A well-spread seed per tree (SplitMix64 finaliser), so neighbouring seeds give unrelated trees. */
    static long mix(long seed, int tree) {
        long z = seed * 0x9E3779B97F4A7C15L + tree + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
