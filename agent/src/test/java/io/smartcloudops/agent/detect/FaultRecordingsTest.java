package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.evaluate.BenchmarkSuite;
import io.smartcloudops.agent.evaluate.EventScorer;
import io.smartcloudops.agent.evaluate.FileScore;
import io.smartcloudops.agent.evaluate.LabelWindows;
import io.smartcloudops.agent.evaluate.ScoringRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped settings on our own fault recordings (ml_models/datasets/faults: real node_exporter data with faults
 * injected by stress-ng), replayed with {@code detect}'s protocol: the figures docs/benchmarks.md and the model card
 * publish, and the incident rules they rest on.
 */
class FaultRecordingsTest {

    private static List<BenchmarkSuite.LabelledSeries> runs;

    @BeforeAll
    static void read() throws IOException {
        Path dir = Files.isDirectory(Path.of("../ml_models/datasets/faults")) ? Path.of("../ml_models/datasets/faults")
                : Path.of("ml_models/datasets/faults");
        runs = BenchmarkSuite.readDataSet(dir, "faults");
    }

    private static BenchmarkSuite.LabelledSeries run(String name) {
        return runs.stream().filter(r -> r.key().startsWith(name + "/")).findFirst().orElseThrow();
    }

    private static FileScore score(BenchmarkSuite.LabelledSeries r, BatchDetector.SeriesRun out) {
        return new EventScorer(ScoringRules.capped()).score(r.key(), r.table().timestamps(), r.windows(), out.alarmRows());
    }

    @Test
    void theFourRunsGiveThePublishedFigure() {
        int windows = 0;
        int found = 0;
        int falseAlarms = 0;
        int records = 0;
        for (BenchmarkSuite.LabelledSeries r : runs) {
            BatchDetector.SeriesRun out = BatchDetector.run(r.table(), DetectorSettings.defaults());
            FileScore s = score(r, out);
            windows += s.windows();
            found += s.detected();
            falseAlarms += s.fpEvents();
            records += (int) out.alarms().stream().filter(a -> inWindow(r, r.table().timestamps().get(a.row()))).count();
            if (r.key().startsWith("run-3/") || r.key().startsWith("run-4/")) {
                // recorded on an idle machine: every fault found, nothing else raised
                assertThat(s.detected()).as(r.key()).isEqualTo(5);
                assertThat(s.fpEvents()).as(r.key()).isZero();
            }
        }
        // docs/benchmarks.md and ml_models/model.json publish 18/20 windows, 2 false-alarm events (F1 0.900) and one
        // record per detected fault: change them together
        assertThat(windows).isEqualTo(20);
        assertThat(found).isEqualTo(18);
        assertThat(falseAlarms).isEqualTo(2);
        assertThat(records).isEqualTo(found);
    }

    @Test
    void aFaultsAftermathStaysInItsRecordWhileItsOwnMetricIsStillOutOfRange() {
        // run 2: memory pressure (01:49:27-01:52:57); a minute after it, memory still coming back, load1 jumps to 10
        // as the machine swaps back in. That belongs to the memory-pressure record, not to a new one.
        BenchmarkSuite.LabelledSeries r = run("run-2");
        BatchDetector.SeriesRun out = BatchDetector.run(r.table(), DetectorSettings.defaults());
        Instant pressureEnds = Instant.parse("2026-11-29T01:52:57Z");
        Instant nextFault = Instant.parse("2026-11-29T01:56:57Z");
        List<Instant> raised = out.alarms().stream().map(a -> r.table().timestamps().get(a.row())).toList();
        assertThat(raised).noneMatch(t -> t.isAfter(pressureEnds) && t.isBefore(nextFault));
        // ... while the next fault (a runaway process, 4 minutes later) still gets a record of its own
        assertThat(raised).anyMatch(t -> r.windows().get(1).contains(t));
    }

    @Test
    void aSecondFaultWhileTheFirstRecordIsStillOpenGetsItsOwnRecord() {
        // run 1: the record of the CPU-saturation fault is still open (load stays high on that busy machine) when the
        // disk I/O saturation begins; the disk I/O fault is raised as an incident of its own inside its window
        BenchmarkSuite.LabelledSeries r = run("run-1");
        BatchDetector.SeriesRun out = BatchDetector.run(r.table(), DetectorSettings.defaults());
        LabelWindows.Window cpu = r.windows().get(0);
        LabelWindows.Window diskIo = r.windows().get(1);
        List<BatchDetector.Alarm> alarms = out.alarms();
        assertThat(alarms).anyMatch(a -> cpu.contains(r.table().timestamps().get(a.row())));
        BatchDetector.Alarm io = alarms.stream().filter(a -> diskIo.contains(r.table().timestamps().get(a.row()))).findFirst()
                .orElseThrow();
        assertThat(io.contributors().getFirst().metric()).isEqualTo("disk_io");
        assertThat(out.inIncident()[io.row() - 1]).as("the CPU record was still open").isTrue();
    }

    private static boolean inWindow(BenchmarkSuite.LabelledSeries r, Instant t) {
        return r.windows().stream().anyMatch(w -> w.contains(t));
    }
}
