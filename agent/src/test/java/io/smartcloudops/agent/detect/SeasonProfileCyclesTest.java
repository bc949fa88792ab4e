package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The profile keeps each value's cycle in one byte (its distance from the oldest cycle held) and must answer as the
 * two-byte cycle numbers did (the cycle modulo 65,536), through re-basing as days pass, a bin left without data for
 * most of a year (the profile widens), and a save and restore in each state.
 */
class SeasonProfileCyclesTest {

    private static final long DAY = SeasonProfile.DAY;
    private static final long STEP = 3_600_000;  // hourly rows: 24 bins

    /** Every held value's cycle in the snapshot is the day it was observed on, modulo 65,536. */
    private static void assertCycles(SeasonProfile p, long[][] dayOf) {
        DetectorState.Season s = p.snapshot();
        for (int b = 0; b < s.bins(); b++) {
            for (int j = 0; j < s.cycles(); j++) {
                int slot = b * s.cycles() + j;
                char expected = j < s.count()[b] ? (char) dayOf[b][j] : 0;
                assertThat(s.cycleOf()[slot]).as("bin %d slot %d", b, j).isEqualTo(expected);
            }
        }
        DetectorState.Season again = SeasonProfile.restore(s).snapshot();
        assertThat(again.cycleOf()).containsExactly(s.cycleOf());
        assertThat(again.acf()).isEqualTo(s.acf());
    }

    @Test
    void cyclesReadBackAsTheDayOfEachValueThroughRebasingAGapOfAYearAndRestores() {
        SeasonProfile p = new SeasonProfile(DAY, STEP, 24, 3);
        long[][] dayOf = new long[24][3];
        int[] head = new int[24];
        Random random = new Random(2);
        long day0 = 20_000;  // days since the epoch, as real timestamps give
        long t = day0 * DAY;
        int pendingBin = -1;
        long pendingDay = 0;
        for (int d = 0; d < 700; d++) {
            // bin 5 gets no data from day 10 to day 400: its values stay 390 days old while the others move on
            boolean skipFive = d >= 10 && d < 400;
            for (int h = 0; h < 24; h++) {
                if (h == 5 && skipFive) {
                    continue;
                }
                long at = (day0 + d) * DAY + h * STEP;
                p.add(at, 50 + 10 * Math.sin(h / 4.0) + random.nextGaussian());
                t = at;
                // the previous bin's value was stored when this one began
                if (pendingBin >= 0) {
                    dayOf[pendingBin][head[pendingBin]] = pendingDay;
                    head[pendingBin] = (head[pendingBin] + 1) % 3;
                }
                pendingBin = h;
                pendingDay = day0 + d;
            }
            if (d == 5 || d == 300 || d == 450 || d == 698) {
                assertCycles(p, dayOf);
            }
        }
        assertThat(p.expected(t, 2)).isFinite();
        assertThat(p.acf()).isGreaterThan(0.5);
    }
}
