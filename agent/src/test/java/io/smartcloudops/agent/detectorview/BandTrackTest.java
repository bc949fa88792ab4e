package io.smartcloudops.agent.detectorview;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.detect.Season;
import io.smartcloudops.api.series.BandSegment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The band history stays small and still tells where the band was, where it moved and where there was none. */
class BandTrackTest {

    private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private static final long GAP = 15_000;
    private static final long DAY = 86_400_000;

    @Test
    void aSteadyBandIsOneSegmentHoweverLongItHolds() {
        BandTrack t = new BandTrack();
        for (int i = 0; i < 17_280; i++) {   // a day at 5 s
            t.append(T0 + 5_000L * i, 20 + (i % 2) * 0.1, 10, 30, Season.NONE, GAP, DAY);
        }
        List<BandSegment> s = t.since(0);
        assertThat(s).hasSize(1);
        assertThat(s.getFirst().from()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(s.getFirst().to()).isEqualTo(Instant.ofEpochMilli(T0 + 5_000L * 17_279));
        assertThat(s.getFirst().expected()).isEqualTo(20.0);   // shortest decimal of the stored float
    }

    @Test
    void aMovingBandGetsAtMostOneSegmentAMinuteAndAShiftShowsWithinIt() {
        BandTrack t = new BandTrack();
        for (int i = 0; i < 720; i++) {   // an hour at 5 s, the band climbing 1 % of its width per sample
            double e = 20 + i * 0.2;
            t.append(T0 + 5_000L * i, e, e - 10, e + 10, Season.DAILY, GAP, DAY);
        }
        List<BandSegment> s = t.since(0);
        assertThat(s).hasSizeBetween(59, 61);
        assertThat(s).allMatch(x -> x.basis().equals("daily") && x.lower() < x.expected() && x.expected() < x.upper());
        // each segment holds the band of its first sample, and the next one starts where the band had moved on,
        // edge to edge: no time without a band while the host was scored
        assertThat(s.get(1).expected()).isGreaterThan(s.get(0).expected() + 2);
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i - 1).to()).isEqualTo(s.get(i).from());
        }

        t.append(T0 + 5_000L * 720, 500, 490, 510, Season.DAILY, GAP, DAY);   // a level shift after the last segment's minute
        assertThat(t.since(0).getLast().expected()).isEqualTo(500.0);
    }

    @Test
    void aPauseLongerThanTheGapLeavesTimeWithoutABand() {
        BandTrack t = new BandTrack();
        t.append(T0, 20, 10, 30, Season.NONE, GAP, DAY);
        t.append(T0 + 5_000, 20, 10, 30, Season.NONE, GAP, DAY);
        t.append(T0 + 600_000, 20, 10, 30, Season.NONE, GAP, DAY);   // ten minutes later, same band
        List<BandSegment> s = t.since(0);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).to()).isEqualTo(Instant.ofEpochMilli(T0 + 5_000));
        assertThat(s.get(1).from()).isEqualTo(Instant.ofEpochMilli(T0 + 600_000));
        assertThat(t.since(T0 + 10_000)).hasSize(1);
        t.append(T0 + 600_000, 99, 90, 110, Season.NONE, GAP, DAY);   // not after the newest sample: ignored
        assertThat(t.since(0)).hasSize(2);
    }

    @Test
    void compressedSegmentsReadBackExactlyAsTheyWereHeld() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        BandTrack t = new BandTrack();
        List<BandSegment> before = List.of();
        long time = T0;
        for (int i = 0; i < 5 * BandTrack.TAIL * 6; i++) {   // five blocks' worth of segments, every 30 s
            time += 30_000 + random.nextInt(7) + (random.nextInt(50) == 0 ? 120_000 : 0);   // jitter, now and then a gap
            double e = 50 + 30 * Math.sin(i / 40.0) + random.nextDouble();
            double w = 5 + random.nextDouble() * 3;
            t.append(time, e, e - w, e + w * 1.5, Season.values()[random.nextInt(Season.values().length)], 90_000, DAY);
            List<BandSegment> now = t.since(0);
            assertThat(now.size()).isGreaterThanOrEqualTo(before.size());
            if (!before.isEmpty()) {
                // every segment but the newest is final: the same values, bit for bit, whether held as arrays or compressed
                assertThat(now.subList(0, before.size() - 1)).isEqualTo(before.subList(0, before.size() - 1));
            }
            before = now;
        }
        assertThat(t.size()).as("several blocks compressed").isGreaterThan(3 * BandTrack.TAIL);
        assertThat(t.since(before.get(100).to().toEpochMilli())).isEqualTo(before.subList(100, before.size()));
    }

    @Test
    void oldSegmentsGoAndTheTrackNeverHoldsMoreThanADayOfMinutes() {
        BandTrack t = new BandTrack();
        for (int i = 0; i < 3 * 1440; i++) {   // three days of a band that moves every minute
            double e = (i % 2 == 0) ? 20 : 40;
            t.append(T0 + 60_000L * i, e, e - 5, e + 5, Season.NONE, 180_000, DAY);
        }
        assertThat(t.size()).isLessThanOrEqualTo(BandTrack.MAX_SEGMENTS);
        assertThat(t.since(0).getFirst().to().toEpochMilli()).isGreaterThanOrEqualTo(T0 + 60_000L * (3 * 1440 - 1) - DAY);
    }
}
