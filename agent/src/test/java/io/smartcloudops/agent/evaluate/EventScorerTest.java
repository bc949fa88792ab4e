package io.smartcloudops.agent.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartcloudops.agent.dataset.SeriesTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the scoring definition. */
class EventScorerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** 100 rows one minute apart; P = floor(0.15 * 100) = 15. */
    private static List<Instant> minutes(int n) {
        return IntStream.range(0, n).mapToObj(i -> T0.plusSeconds(60L * i)).toList();
    }

    private static LabelWindows.Window rows(int first, int last) {
        return new LabelWindows.Window(T0.plusSeconds(60L * first), T0.plusSeconds(60L * last));
    }

    private final List<LabelWindows.Window> twoWindows = List.of(rows(40, 49), rows(70, 79));

    @Test
    void countsDetectedWindowsFalsePositiveEventsAndDelay() {
        // 10: in the probationary period, ignored. 20, 21, 24: one FP event (gaps <= 5). 30: a new one (6 rows on).
        // 45, 46: window 1 found, delay 45 - 40 = 5. 55 and 90: two more FP events. Window 2 missed.
        int[] alarms = {10, 20, 21, 24, 30, 45, 46, 55, 90, 90};
        FileScore s = new EventScorer(ScoringRules.uncapped()).score("f", minutes(100), twoWindows, alarms);

        assertThat(s.probationRows()).isEqualTo(15);
        assertThat(s.windows()).isEqualTo(2);
        assertThat(s.detected()).isEqualTo(1);
        assertThat(s.fpEvents()).isEqualTo(4);
        assertThat(s.alarms()).isEqualTo(8);
        assertThat(s.alarmsOutside()).isEqualTo(6);
        assertThat(s.delays()).containsExactly(5);
        Prf e = s.event();
        assertThat(e.precision()).isEqualTo(1.0 / 5);
        assertThat(e.recall()).isEqualTo(0.5);
        assertThat(e.f1()).isCloseTo(2 * 0.2 * 0.5 / 0.7, within(1e-15));
        // point-wise: 2 alarmed rows in windows of 20 in-window rows, 6 outside
        assertThat(s.pointTp()).isEqualTo(2);
        assertThat(s.pointFp()).isEqualTo(6);
        assertThat(s.pointFn()).isEqualTo(18);
        // point-adjusted: window 1 counts as fully predicted
        assertThat(s.adjustedTp()).isEqualTo(10);
        assertThat(s.adjustedFn()).isEqualTo(10);
    }

    @Test
    void aWindowBetweenTwoOutsideAlarmsSplitsTheirEvent() {
        // 38 and 43 are 5 rows apart (one event by distance) but window 40..41 lies between them
        FileScore s = new EventScorer(ScoringRules.uncapped()).score("f", minutes(100), List.of(rows(40, 41)), new int[] {38, 43});
        assertThat(s.detected()).isZero();
        assertThat(s.fpEvents()).isEqualTo(2);
    }

    @Test
    void alwaysOnIsOneEventPerGapWithoutTheCapAndManyWithIt() {
        int[] every = IntStream.range(0, 100).toArray();
        FileScore loophole = new EventScorer(ScoringRules.uncapped()).score("f", minutes(100), twoWindows, every);
        // outside runs 15..39, 50..69, 80..99: three events; both windows found
        assertThat(loophole.fpEvents()).isEqualTo(3);
        assertThat(loophole.event().f1()).isCloseTo(2 * 0.4 / 1.4, within(1e-15));

        FileScore capped = new EventScorer(ScoringRules.capped()).score("f", minutes(100), twoWindows, every);
        // a new event every 12 rows: 15, 27, 39 | 50, 62 | 80, 92
        assertThat(capped.fpEvents()).isEqualTo(7);
        assertThat(capped.event().f1()).isCloseTo(4.0 / 11, within(1e-15));
    }

    @Test
    void alwaysOnScoresAboutZeroWithTheCapOnTheNabDevelopmentSet() {
        LabelWindows labels = NabData.labels();
        List<FileScore> capped = new ArrayList<>();
        List<FileScore> uncapped = new ArrayList<>();
        for (Map.Entry<String, SeriesTable> e : NabData.tables().entrySet()) {
            int[] all = IntStream.range(0, e.getValue().rows()).toArray();
            capped.add(new EventScorer(ScoringRules.capped()).score(e.getKey(), e.getValue().timestamps(), labels.windows(e.getKey()), all));
            uncapped.add(new EventScorer(ScoringRules.uncapped()).score(e.getKey(), e.getValue().timestamps(), labels.windows(e.getKey()), all));
        }
        assertThat(Summary.of(uncapped).event().f1()).isCloseTo(0.565, within(0.001));
        assertThat(Summary.of(uncapped).event().recall()).isEqualTo(1.0);
        assertThat(Summary.of(capped).event().f1()).isLessThan(0.01);
    }

    @Test
    void noAlarmsMeansPrecisionZeroAndAFileWithoutWindowsHasNoRecall() {
        FileScore none = new EventScorer(ScoringRules.capped()).score("f", minutes(100), twoWindows, new int[0]);
        assertThat(none.event().precision()).isZero();
        assertThat(none.event().f1()).isZero();
        assertThat(none.delayMean()).isNaN();

        FileScore quiet = new EventScorer(ScoringRules.capped()).score("g", minutes(100), List.of(), new int[] {50});
        assertThat(quiet.fpEvents()).isEqualTo(1);
        assertThat(quiet.event().recall()).isNaN();
        assertThat(quiet.event().f1()).isNaN();
    }

    @Test
    void rowsAreIndexedByPositionWhenTimestampsRepeat() {
        // rows 50..61 share one timestamp (a DST artefact); the window covers that instant: all 12 rows
        List<Instant> t = new ArrayList<>(minutes(100));
        for (int i = 50; i < 62; i++) {
            t.set(i, T0.plusSeconds(60L * 50));
        }
        FileScore s = new EventScorer(ScoringRules.capped()).score("f", t, List.of(rows(50, 50)), new int[] {61});
        assertThat(s.detected()).isEqualTo(1);
        assertThat(s.delays()).containsExactly(11);
    }

    @Test
    void probationIsFifteenPercentCappedAt750Rows() {
        assertThat(ScoringRules.nabProbationRows(4032)).isEqualTo(604);
        assertThat(ScoringRules.nabProbationRows(4730)).isEqualTo(709);
        assertThat(ScoringRules.nabProbationRows(22695)).isEqualTo(750);
        assertThat(ScoringRules.nabProbationRows(10)).isEqualTo(1);
    }
}
