package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.api.Metric;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Borderline novelty counts only once it has lasted {@code band_confirm_seconds}: measured in time, so a host sampled
 * every 5 seconds needs a deviation that lasts while a series sampled every 5 minutes, whose one row already covers
 * the time, is judged exactly as without the rule.
 */
class BorderlineDurationTest {

    /** The first row raised for a series around 10 with a short bump of 1.8 at row 500 (borderline, below 2.5). */
    private static long firstRaised(long stepMillis, double bandSeconds) {
        DetectorSettings s = DetectorSettings.defaults().with("band_confirm_seconds", bandSeconds);
        SeriesDetector d = new SeriesDetector(s, List.of(Metric.CPU), false, 100);
        Random random = new Random(3);
        double largest = 0;
        for (int i = 0; i < 700; i++) {
            double v = 10 + random.nextGaussian() * 0.5 + (i >= 500 && i < 502 ? 1.8 : 0);
            RowResult r = d.next(i * stepMillis, new double[] {v});
            largest = Math.max(largest, r.novelty());
            if (r.raised()) {
                assertThat(largest).as("a borderline bump, not a clear one").isLessThan(s.clearNovelty());
                return i;
            }
        }
        return -1;
    }

    @Test
    void aFiveSecondHostNeedsABorderlineDeviationToLastWhileAFiveMinuteSeriesIsJudgedAsBefore() {
        long fiveSeconds = 5_000;
        long fiveMinutes = 300_000;
        assertThat(DetectorSettings.defaults().bandConfirmSeconds()).isEqualTo(45);
        long hostAtOnce = firstRaised(fiveSeconds, 0);
        long hostLasting = firstRaised(fiveSeconds, 45);
        assertThat(hostAtOnce).isBetween(500L, 505L);
        // 45 s at 5 s are 9 rows of borderline novelty in a row before a row counts towards the incident
        assertThat(hostLasting).isGreaterThanOrEqualTo(hostAtOnce + 8);
        assertThat(firstRaised(fiveMinutes, 45)).isEqualTo(firstRaised(fiveMinutes, 0)).isEqualTo(hostAtOnce);
    }

    @Test
    void aNegativeDurationIsRefusedByName() {
        assertThatThrownBy(() -> DetectorSettings.defaults().with("band_confirm_seconds", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band_confirm_seconds");
    }
}
