package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A weekly season with the shipped weekly settings (hourly bins, two weeks remembered per bin; the NAB suite barely
 * contains weekly seasons, so these were checked on a constructed week: bench/detect/WeeklyPeak.java): a host's CPU
 * with a weekday working-hours plateau, quiet weekends and a Monday 08:00-10:00 batch peak, at 5-minute samples. Once
 * the weekly season is followed, plain weeks raise nothing, and a Monday whose peak does not come is raised, saying
 * what it expected at that time of the week.
 */
class WeeklySeasonTest {

    /** Monday 2026-11-02 00:00 UTC. */
    private static final long T0 = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
    private static final long WEEK = 7 * 86_400_000L;
    private static final long STEP = 300_000L;

    private static double cpu(long t, int missingWeek, Random r) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
        int week = (int) ((t - T0) / WEEK) + 1;
        double h = z.getHour() + z.getMinute() / 60.0;
        boolean weekend = z.getDayOfWeek() == DayOfWeek.SATURDAY || z.getDayOfWeek() == DayOfWeek.SUNDAY;
        double v = weekend ? 12 : h >= 9 && h < 17 ? 45 : 15;
        if (z.getDayOfWeek() == DayOfWeek.MONDAY && h >= 8 && h < 10 && week != missingWeek) {
            v = 85;
        }
        return Math.max(0, v + r.nextGaussian() * 3);
    }

    /** Times of the incidents raised over five weeks, and the explanation of each. */
    private static List<String> raised(int missingWeek) {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), List.of(Metric.CPU), true, 288);
        Random r = new Random(42);
        List<String> out = new ArrayList<>();
        for (long t = T0; t < T0 + 5 * WEEK; t += STEP) {
            RowResult row = d.next(t, new double[] {cpu(t, missingWeek, r)});
            if (row.raised()) {
                out.add(Instant.ofEpochMilli(t) + " " + row.summary());
            }
            if (t >= T0 + 3 * WEEK) {
                assertThat(d.metricState(0).season()).as("season at %s", Instant.ofEpochMilli(t)).isEqualTo(Season.WEEKLY);
            }
        }
        return out;
    }

    @Test
    void plainWeeksRaiseNothingOnceTheWeeklySeasonIsFollowed() {
        // the first Saturday is new (no weekend seen yet); nothing after it
        assertThat(raised(-1)).allMatch(s -> s.startsWith("2026-11-07"));
    }

    @Test
    void aMondayWhosePeakDoesNotComeIsRaised() {
        // raised inside the two hours the peak should have filled (once the 2-hour level of the residuals has moved:
        // a value back at the plain weekday level is no dip of the values, see MetricTrack)
        List<String> raised = raised(4);
        assertThat(raised).filteredOn(s -> !s.startsWith("2026-11-07")).singleElement().asString()
                .matches("2026-11-23T0[89]:.*").contains("at this time of the week");
    }
}
