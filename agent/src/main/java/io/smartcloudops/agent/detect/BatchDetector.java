package io.smartcloudops.agent.detect;

import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch protocol of {@code detect} and {@code evaluate}: each series is fitted on its first
 * P = min(floor(0.15 N), 750) rows (NAB's probationary period) and every later row is scored causally,
 * with one configuration for every file and no labels.
 */
public final class BatchDetector {

    /** A raised anomaly: the row that confirmed it. */
    public record Alarm(int row, String timestamp, double score, Severity severity, List<Contributor> contributors) {
        public Alarm {
            contributors = List.copyOf(contributors);
        }
    }

    /**
     * One series' run.
     *
     * @param learningRows P
     * @param scores       score per row (0 while learning)
     * @param inIncident   whether each row belongs to an open incident
     * @param alarms       raised anomalies in row order
     * @param model        what was fitted on the first P rows
     */
    public record SeriesRun(SeriesTable table, int learningRows, double[] scores, boolean[] inIncident,
                            List<Alarm> alarms, SeriesModel model) {
        public int[] alarmRows() {
            return alarms.stream().mapToInt(Alarm::row).toArray();
        }
    }

    private BatchDetector() {
    }

    public static SeriesRun run(SeriesTable table, DetectorSettings settings) {
        int n = table.rows();
        int p = ScoringRules.nabProbationRows(n);
        if (p < 2) {
            throw new IllegalArgumentException(table.file() + ": " + n + " rows is too short (the first 15% of the rows, "
                    + p + ", must hold at least 2 to learn from)");
        }
        List<Metric> metrics = new ArrayList<>(table.metrics());
        SeriesDetector detector = new SeriesDetector(settings, metrics, !table.singleMetric(), p);
        double[][] columns = metrics.stream().map(m -> table.columns().get(m)).toArray(double[][]::new);
        double[] scores = new double[n];
        boolean[] incident = new boolean[n];
        List<Alarm> alarms = new ArrayList<>();
        double[] row = new double[metrics.size()];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < row.length; m++) {
                row[m] = columns[m][i];
            }
            RowResult r = detector.next(row);
            scores[i] = r.score();
            incident[i] = r.inIncident();
            if (r.raised()) {
                alarms.add(new Alarm(i, table.rawTimestamps().get(i), r.score(), r.severity(), r.contributors()));
            }
        }
        return new SeriesRun(table, p, scores, incident, alarms, detector.model().orElseThrow());
    }
}
