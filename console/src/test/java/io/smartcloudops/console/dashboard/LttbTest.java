package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LttbTest {

    @Test
    void keepsFirstLastAndTheSpikeWhileCuttingToTheThreshold() {
        int n = 5_760;
        long[] xs = new long[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 15_000L;
            ys[i] = 20 + Math.sin(i / 50.0);
        }
        ys[3_001] = 99.0;
        long[] ox = new long[400];
        double[] oy = new double[400];

        int count = Lttb.downsample(xs, ys, 0, n, 400, ox, oy);

        assertThat(count).isEqualTo(400);
        assertThat(ox[0]).isEqualTo(xs[0]);
        assertThat(ox[count - 1]).isEqualTo(xs[n - 1]);
        assertThat(oy).contains(99.0);
        for (int i = 1; i < count; i++) {
            assertThat(ox[i]).isGreaterThan(ox[i - 1]);
        }
    }

    @Test
    void copiesEverythingWhenThereAreFewerPointsThanTheThreshold() {
        long[] xs = {1, 2, 3};
        double[] ys = {5, 6, 7};
        long[] ox = new long[3];
        double[] oy = new double[3];
        assertThat(Lttb.downsample(xs, ys, 0, 3, 100, ox, oy)).isEqualTo(3);
        assertThat(oy).containsExactly(5, 6, 7);
    }

    @Test
    void worksOnASliceOfTheArrays() {
        long[] xs = new long[1000];
        double[] ys = new double[1000];
        for (int i = 0; i < 1000; i++) {
            xs[i] = i;
            ys[i] = i % 10;
        }
        long[] ox = new long[50];
        double[] oy = new double[50];
        int count = Lttb.downsample(xs, ys, 500, 1000, 50, ox, oy);
        assertThat(count).isEqualTo(50);
        assertThat(ox[0]).isEqualTo(500);
        assertThat(ox[49]).isEqualTo(999);
    }
}
