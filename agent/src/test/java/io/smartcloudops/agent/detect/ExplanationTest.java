package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Contributor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An anomaly's explanation names only the metrics that moved, and says what moved in the metric's own terms (issue
 * 13): an idle own-host run logged {@code cpu 0.5% (expected 0.4%-0.7%), disk_io 0.0% (expected 0.0%-0.0%)} for a
 * CPU spike that was already over, naming a disk that had moved by one point of busy time; the walkthrough named a
 * root disk at 63.3 % against 63.2 %.
 */
class ExplanationTest {

    private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private static final List<Metric> HOST = List.of(Metric.values());

    /** An idle host every 5 s: CPU 0.4-0.7 %, memory 2 %, disk 70.2 %, disk busy 0 with rare 0.03, no network. */
    private static double[] idle(Random r) {
        return new double[] {0.4 + 0.3 * r.nextDouble(), 2.0 + 0.01 * r.nextDouble(), 70.2,
            r.nextDouble() < 0.05 ? 0.03 : 0, 0, 0, 0.02 * r.nextInt(3)};
    }

    private record Replay(List<RowResult> rows) {
        List<RowResult> raised() {
            return rows.stream().filter(RowResult::raised).toList();
        }

        List<String> named() {
            return rows.stream().flatMap(x -> x.contributors().stream()).map(Contributor::metric).distinct().toList();
        }
    }

    @Test
    void aSpikeThatIsOverIsExplainedAsASpikeAndAOnePointDiskBlipIsNotNamed() {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), HOST, true, 120);
        Random r = new Random(7);
        List<RowResult> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double[] v = idle(r);
            if (i == 300) {
                v[Metric.CPU.ordinal()] = 12.0;      // one 5-second burst of a cron job ...
                v[Metric.DISK_IO.ordinal()] = 1.2;   // ... with one point of disk busy time
            }
            rows.add(d.next(T0 + 5_000L * i, v));
        }
        Replay replay = new Replay(rows);
        assertThat(replay.raised()).hasSize(1);
        RowResult raised = replay.raised().getFirst();
        // raised after three rows whose 3-row peak is novel: the value is back at 0.5 %, the explanation says what moved
        assertThat(raised.summary()).isEqualTo("cpu spiked to 12.0% (up to 0.7% before)");
        assertThat(replay.named()).containsExactly("cpu");
        // and the spike's trace in the 48-row spread (1.6 points, below CPU's 2-point floor) does not hold the incident
        // open for the 4 minutes the spike stays in that window
        long lastInIncident = rows.stream().filter(RowResult::inIncident).mapToLong(RowResult::row).max().orElseThrow();
        assertThat(lastInIncident - raised.row()).isLessThan(DetectorSettings.defaults().closeAfterRows() + 3);
    }

    @Test
    void aMetricAtZeroForHoursThatMovesByATrifleIsNotNovel() {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), List.of(Metric.CPU, Metric.DISK_IO), true, 120);
        double highest = 0;
        for (int i = 0; i < 3_000; i++) {
            // disk busy exactly 0 % for over three hours, then 0.1 % for good (a log file that now gets appended to)
            RowResult row = d.next(T0 + 5_000L * i, new double[] {5.0, i < 2_500 ? 0 : 0.1});
            if (i >= 2_500) {
                highest = Math.max(highest, row.novelty());
            }
            assertThat(row.inIncident()).as("row %d", i).isFalse();
        }
        assertThat(highest).isZero();
    }

    @Test
    void theWalkthroughsCpuSaturationNamesCpuAndLoadButNotTheSlowlyGrowingDisk() throws IOException {
        // bench/console/incident/web-1.csv: 5-second rows, CPU saturates at row 180 while the root disk creeps from
        // 63.200 % to 63.3 % (the walkthrough showed "disk 63.3% (baseline 63.2%, +0.1 σ)" as a contributor)
        Path csv = Files.isDirectory(Path.of("../bench")) ? Path.of("../bench/console/incident/web-1.csv")
                : Path.of("bench/console/incident/web-1.csv");
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), HOST, true, 120);
        List<RowResult> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            double[] v = new double[HOST.size()];
            for (int m = 0; m < v.length; m++) {
                v[m] = Double.parseDouble(p[m + 1]);
            }
            rows.add(d.next(Instant.parse(p[0]).toEpochMilli(), v));
        }
        Replay replay = new Replay(rows);
        assertThat(replay.raised()).hasSize(1);
        RowResult raised = replay.raised().getFirst();
        assertThat(raised.row()).isBetween(180L, 183L);
        // a real CPU step is explained as before: the value against its usual range
        assertThat(raised.summary()).matches("cpu 9\\d\\.\\d% \\(expected \\d+\\.\\d%-\\d+\\.\\d%\\), load1 \\d\\.\\d\\d \\(expected .*\\)");
        assertThat(replay.named()).doesNotContain("disk").contains("cpu", "load1");
    }

    @Test
    void aBurstThatIsOverIsExplainedByItsLevelWhileItsValueIsBackInRange() {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), List.of(Metric.CPU), true, 120);
        Random r = new Random(11);
        List<RowResult> rows = new ArrayList<>();
        for (int i = 0; i < 1_540; i++) {
            // CPU between 20 and 30 % for two hours, 90 % for 20 rows (100 s), then back between 20 and 30 %
            boolean burst = i >= 1_500 && i < 1_520;
            rows.add(d.next(T0 + 5_000L * i, new double[] {burst ? 90 : 20 + 10 * r.nextDouble()}));
        }
        assertThat(rows.get(1_502).raised()).isTrue();
        assertThat(rows.get(1_502).summary()).matches("cpu 90\\.0% \\(expected 2\\d\\.\\d%-\\d\\d\\.\\d%\\)");
        // five rows after the burst: the value is back, the 2-minute mean is not
        RowResult after = rows.get(1_525);
        assertThat(after.inIncident()).isTrue();
        assertThat(after.contributors()).extracting(Contributor::metric).containsExactly("cpu");
        assertThat(after.summary()).matches("cpu averaged \\d\\d\\.\\d% over the last 2m \\(at most \\d\\d\\.\\d% before\\)");
        assertThat(after.contributors().getFirst().explanation()).isEqualTo(after.summary());
    }
}
