package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The window holds its values once (sorted, with their arrival) and must behave as a ring of the last values. */
class ScaleWindowTest {

    /** What the window must hold: the last {@code capacity} finite values, as floats. */
    private static float[] lastValues(ArrayDeque<Float> ring) {
        float[] v = new float[ring.size()];
        int i = 0;
        for (float f : ring) {
            v[i++] = f;
        }
        return v;
    }

    @Test
    void quantilesAndTheSnapshotFollowTheLastValuesWhateverTheirOrderAndRepeats() {
        Random random = new Random(3);
        for (int capacity : new int[] {8, 9, 288}) {
            ScaleWindow w = new ScaleWindow(capacity);
            ArrayDeque<Float> ring = new ArrayDeque<>();
            for (int i = 0; i < 70_000; i++) {  // past 65,536 adds: the two-byte arrival numbers wrap
                double v = switch (random.nextInt(5)) {
                    case 0 -> Math.round(random.nextGaussian() * 3);   // many repeats
                    case 1 -> i % 2 == 0 ? 0.0 : -0.0;
                    case 2 -> Double.NaN;                                // ignored
                    default -> random.nextGaussian() * 100;
                };
                w.add(v, 0.05);
                if (Double.isFinite(v)) {
                    ring.addLast((float) v);
                    if (ring.size() > capacity) {
                        ring.removeFirst();
                    }
                }
                if (i % 997 == 0 || i > 69_990) {
                    float[] expected = lastValues(ring);
                    assertThat(w.snapshot().values()).containsExactly(expected);
                    float[] sorted = expected.clone();
                    Arrays.sort(sorted);
                    double pos = 0.75 * (sorted.length - 1);
                    int lo = (int) pos;
                    int hi = Math.min(lo + 1, sorted.length - 1);
                    assertThat(w.quantile(0.75)).isEqualTo(sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]));
                    assertThat(w.size()).isEqualTo(sorted.length);
                }
            }
            ScaleWindow restored = ScaleWindow.restore(w.snapshot(), 0.05);
            assertThat(restored.snapshot().values()).containsExactly(w.snapshot().values());
            assertThat(restored.scale(0)).isEqualTo(w.scale(0));
        }
    }
}
