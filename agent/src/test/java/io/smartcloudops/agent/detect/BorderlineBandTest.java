package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.agent.evaluate.NabData;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.api.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The isolation forest decides the borderline band: novelty between the threshold and the clear-novelty level
 * counts only when the forest scores the row above every fitted row. Pinned on the NAB series where that
 * decision finds a labelled window the novelty alone misses (docs/benchmarks.md, the ablation).
 */
class BorderlineBandTest {

    private static final String ELB = "realAWSCloudwatch/elb_request_count_8c0756.csv";

    private static List<RowResult> run(SeriesTable t, DetectorSettings s, List<SeriesModel> model) {
        List<Metric> metrics = new ArrayList<>(t.metrics());
        SeriesDetector d = new SeriesDetector(s, metrics, !t.singleMetric(), ScoringRules.nabProbationRows(t.rows()));
        double[][] cols = metrics.stream().map(m -> t.columns().get(m)).toArray(double[][]::new);
        List<RowResult> out = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            double[] row = new double[cols.length];
            for (int m = 0; m < row.length; m++) {
                row[m] = cols[m][i];
            }
            out.add(d.next(row));
        }
        model.add(d.model().orElseThrow());
        return out;
    }

    @Test
    void everyVerdictFollowsTheTwoLevelRule() {
        DetectorSettings s = DetectorSettings.defaults();
        int band = 0;
        int bandConfirmed = 0;
        for (String key : List.of(ELB, "realAWSCloudwatch/ec2_cpu_utilization_53ea38.csv",
                "realKnownCause/machine_temperature_system_failure.csv")) {
            List<SeriesModel> model = new ArrayList<>();
            List<RowResult> rows = run(NabData.tables().get(key), s, model);
            double gate = model.getFirst().isolationGate();
            for (RowResult r : rows) {
                if (!r.scoring()) {
                    continue;
                }
                boolean confirmed = r.isolation() >= gate;
                boolean inBand = r.novelty() >= s.noveltyThreshold() && r.novelty() < s.clearNovelty();
                assertThat(r.anomalous()).as("row %d", r.row())
                        .isEqualTo(r.novelty() >= s.clearNovelty() || inBand && confirmed);
                assertThat(r.score() >= 0.5).as("score 0.5 is the decision boundary, row %d", r.row()).isEqualTo(r.anomalous());
                band += inBand ? 1 : 0;
                bandConfirmed += inBand && confirmed ? 1 : 0;
            }
        }
        // the forest really decides: some band rows pass, most do not
        assertThat(bandConfirmed).isPositive().isLessThan(band);
    }

    @Test
    void theForestConfirmsTheBorderlineStartOfTheElbWindow() {
        SeriesTable t = NabData.tables().get(ELB);
        List<int[]> windows = NabData.labels().rowRanges(ELB, t.timestamps());
        int[] last = windows.getLast();
        DetectorSettings shipped = DetectorSettings.defaults();

        List<RowResult> rows = run(t, shipped, new ArrayList<>());
        List<RowResult> raised = rows.stream().filter(RowResult::raised).toList();
        assertThat(raised).hasSize(1);
        RowResult alarm = raised.getFirst();
        assertThat((int) alarm.row()).isBetween(last[0], last[1]);
        // the first of the three confirming rows is borderline: anomalous only because the forest confirmed it
        RowResult first = rows.get((int) alarm.row() - 2);
        assertThat(first.anomalous()).isTrue();
        assertThat(first.novelty()).isBetween(shipped.noveltyThreshold(), shipped.clearNovelty());

        // without the forest's say the band is either dropped (no alarm in this file) ...
        DetectorSettings dropped = shipped.withDecision(shipped.clearNovelty(), shipped.clearNovelty(), 0);
        assertThat(run(t, dropped, new ArrayList<>()).stream().filter(RowResult::raised)).isEmpty();
        // ... or accepted whole, which finds the window too but costs false alarms elsewhere (the ablation)
        DetectorSettings accepted = shipped.withDecision(shipped.noveltyThreshold(), shipped.noveltyThreshold(), 0);
        assertThat(run(t, accepted, new ArrayList<>()).stream().filter(RowResult::raised)).isNotEmpty();
    }
}
