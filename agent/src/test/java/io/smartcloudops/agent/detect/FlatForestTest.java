package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;

/** The flat-array scorer gives Smile's scores exactly; training is reproducible. */
class FlatForestTest {

    private static double[][] data(int rows, int dims, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[rows][dims];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dims; j++) {
                x[i][j] = r.nextGaussian() * (j + 1) + (i % 50 == 0 ? 8 : 0);
            }
        }
        return x;
    }

    @Test
    void scoresAreBitForBitSmilesOwn() {
        double[][] train = data(1500, 21, 1);
        IsolationForest smile = ForestTrainer.fit(train, 100, 256, 42);
        FlatForest flat = FlatForest.of(smile, 21);
        assertThat(flat.trees()).isEqualTo(100);
        double[][] probe = data(3000, 21, 2);
        double[] batch = flat.score(probe);
        for (int i = 0; i < probe.length; i++) {
            assertThat(flat.score(probe[i])).isEqualTo(smile.score(probe[i]));
            assertThat(batch[i]).isEqualTo(smile.score(probe[i]));
        }
        // far outside the training range, zeros and NaN take the same paths too
        double[] far = new double[21];
        java.util.Arrays.fill(far, 1e6);
        assertThat(flat.score(far)).isEqualTo(smile.score(far));
        double[] nan = new double[21];
        nan[3] = Double.NaN;
        assertThat(flat.score(nan)).isEqualTo(smile.score(nan));
        assertThat(flat.score(new double[21])).isEqualTo(smile.score(new double[21]));
        double[] inf = new double[21];
        inf[20] = Double.NEGATIVE_INFINITY;
        assertThat(flat.score(inf)).isEqualTo(smile.score(inf));
        inf[4] = Double.POSITIVE_INFINITY;
        assertThat(flat.score(inf)).isEqualTo(smile.score(inf));
        Random r = new Random(9);
        for (int k = 0; k < 500; k++) {
            double[] x = probe[k].clone();
            x[r.nextInt(21)] = switch (k % 3) {
                case 0 -> Double.NaN;
                case 1 -> Double.POSITIVE_INFINITY;
                default -> Double.NEGATIVE_INFINITY;
            };
            assertThat(flat.score(x)).isEqualTo(smile.score(x));
            probe[k] = x;
        }
        // the batch scorer sets such rows aside and still gives Smile's numbers
        double[] mixed = flat.score(java.util.Arrays.copyOf(probe, 1001));
        for (int i = 0; i < 1001; i++) {
            assertThat(mixed[i]).isEqualTo(smile.score(probe[i]));
        }
    }

    @Test
    void isolatedPointsScoreHigherThanTypicalOnes() {
        FlatForest flat = ForestTrainer.fitFlat(data(1000, 3, 3), 100, 256, 0);
        assertThat(flat.score(new double[] {30, 30, 30})).isGreaterThan(0.6);
        assertThat(flat.score(new double[] {0, 0, 0})).isLessThan(0.5);
    }

    @Test
    void sameDataAndSeedGiveTheSameForest() {
        double[][] x = data(800, 6, 4);
        assertThat(ForestTrainer.fitFlat(x, 50, 256, 7)).isEqualTo(ForestTrainer.fitFlat(x, 50, 256, 7));
        assertThat(ForestTrainer.fitFlat(x, 50, 256, 7)).isNotEqualTo(ForestTrainer.fitFlat(x, 50, 256, 8));
    }

    @Test
    void smallTrainingSetsUseEveryRowAndGrowShallowTrees() {
        FlatForest small = ForestTrainer.fitFlat(data(120, 3, 5), 10, 256, 0);
        // depth ceil(log2(120)) = 7: at most 255 nodes per tree
        assertThat(small.nodes()).isLessThanOrEqualTo(10 * 255);
        assertThat(small.c()).isEqualTo(2 * (Math.log(119) + 0.5772156649) - 2.0 * 119 / 120);
    }

    @Test
    void malformedArraysAreRefused() {
        // a child pointing back to its parent would loop forever: refused at construction
        assertThatThrownBy(() -> new FlatForest(1, 1.0, new int[] {0}, new int[] {0, 0, 0}, new double[] {1, 0, 0},
                new double[] {0, 0, 0}, new int[] {1, 0, -1}, new double[] {0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("children must follow");
        assertThatThrownBy(() -> FlatForest.of(ForestTrainer.fit(data(100, 2, 6), 5, 64, 0), 3))
                .hasMessageContaining("features");
    }
}
