package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Daily and weekly cycles are found once the history supports them, the expected value follows the time of day, and
 * a deviation that only the cycle shows (a missing daily peak: every value is one the metric often has) is an
 * anomaly. A metric without a cycle never gets one.
 */
class SeasonalityTest {

    private static final long T0 = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

    private record Run(SeriesDetector detector, List<Long> raised, List<Season> seasonByDay) {
    }

    /** Feeds {@code x} (one value per row, {@code stepMinutes} apart) to a one-metric series detector. */
    private static Run run(double[] x, int stepMinutes) {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), List.of(Metric.CPU), false, 288);
        List<Long> raised = new ArrayList<>();
        List<Season> byDay = new ArrayList<>();
        int perDay = 24 * 60 / stepMinutes;
        for (int i = 0; i < x.length; i++) {
            RowResult r = d.next(T0 + 60_000L * stepMinutes * i, new double[] {x[i]});
            if (r.raised()) {
                raised.add(r.row());
            }
            if (i % perDay == perDay - 1) {
                byDay.add(d.metricState(0).season());
            }
        }
        return new Run(d, raised, byDay);
    }

    /** Ten days at 5 minutes: quiet nights at 20, a busy day peaking at 80 from 08:00 to 18:00, some noise. */
    private static double[] workdays(long seed) {
        Random r = new Random(seed);
        double[] x = new double[10 * 288];
        for (int i = 0; i < x.length; i++) {
            int minuteOfDay = (i % 288) * 5;
            boolean busy = minuteOfDay >= 8 * 60 && minuteOfDay < 18 * 60;
            x[i] = (busy ? 80 : 20) + r.nextGaussian() * 3;
        }
        return x;
    }

    @Test
    void aDailyCycleIsFoundAndTheExpectedValueFollowsTheTimeOfDay() {
        Run run = run(workdays(1), 5);
        assertThat(run.seasonByDay().get(1)).isEqualTo(Season.NONE);            // one day is not a cycle yet
        assertThat(run.seasonByDay().subList(4, 10)).containsOnly(Season.DAILY);
        assertThat(run.raised()).isEmpty();

        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), List.of(Metric.CPU), false, 288);
        double[] x = workdays(1);
        double atNoon = 0;
        double atNight = 0;
        for (int i = 0; i < 9 * 288; i++) {
            d.next(T0 + 300_000L * i, new double[] {x[i]});
            if (i == 8 * 288 + 144) {                                              // day 9, 12:00
                atNoon = d.band(0, Instant.EPOCH).orElseThrow().expected();
            }
            if (i == 8 * 288 + 36) {                                               // day 9, 03:00
                atNight = d.band(0, Instant.EPOCH).orElseThrow().expected();
            }
        }
        assertThat(atNoon).isBetween(75.0, 85.0);
        assertThat(atNight).isBetween(15.0, 25.0);
        assertThat(d.band(0, Instant.EPOCH).orElseThrow().basis()).isEqualTo(Season.DAILY);
    }

    @Test
    void aMissingDailyPeakIsAnAnomalyOnlyTheCycleShows() {
        double[] x = workdays(2);
        int day = 8;
        for (int i = day * 288 + 96; i < day * 288 + 216; i++) {
            x[i] = 20 + (x[i] - 80);                                              // the busy hours of day 8 stay quiet
        }
        Run run = run(x, 5);
        assertThat(run.raised()).singleElement()
                .satisfies(row -> assertThat(row).isBetween((long) day * 288 + 96, (long) day * 288 + 216));
    }

    @Test
    void aWeeklyCycleIsFoundWhenWeekendsDiffer() {
        // five weeks at 30 minutes: weekdays busy in the day, weekends quiet all day
        Random r = new Random(3);
        double[] x = new double[35 * 48];
        for (int i = 0; i < x.length; i++) {
            int dayOfWeek = (i / 48) % 7;   // 2026-11-02 is a Monday
            int hour = (i % 48) / 2;
            boolean busy = dayOfWeek < 5 && hour >= 8 && hour < 18;
            x[i] = (busy ? 80 : 20) + r.nextGaussian() * 3;
        }
        Run run = run(x, 30);
        assertThat(run.seasonByDay().subList(30, 35)).containsOnly(Season.WEEKLY);
        // the first weekend is news (the history has no weekend yet); once the weekly cycle is followed, none is
        assertThat(run.raised()).allSatisfy(row -> assertThat(row).isLessThan(21 * 48L));
    }

    @Test
    void noiseHasNoCycle() {
        Random r = new Random(4);
        double[] x = new double[10 * 288];
        for (int i = 0; i < x.length; i++) {
            x[i] = 50 + r.nextGaussian() * 10;
        }
        Run run = run(x, 5);
        assertThat(run.seasonByDay()).containsOnly(Season.NONE);
    }
}
