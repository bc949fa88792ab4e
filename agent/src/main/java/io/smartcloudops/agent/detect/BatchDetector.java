package io.smartcloudops.agent.detect;

import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch protocol of {@code detect} and {@code evaluate}: each series is fed row by row to one
 * {@link SeriesDetector}, which raises nothing on its first P = min(floor(0.15 N), 750) rows (NAB's probationary
 * period) and keeps learning on every row after, with one configuration for every file and no labels.
 */
public final class BatchDetector {

    /** A raised anomaly: the row that confirmed it. */
    public record Alarm(int row, String timestamp, double score, Severity severity, List<Contributor> contributors, String summary) {
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
     * @param detector     the detector after the last row
     */
    public record SeriesRun(SeriesTable table, int learningRows, double[] scores, boolean[] inIncident,
                            List<Alarm> alarms, SeriesDetector detector) {
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
        return run(table, detector);
    }

    /** Feeds every row of {@code table} to {@code detector} (which may have learned from earlier data). */
    public static SeriesRun run(SeriesTable table, SeriesDetector detector) {
        int n = table.rows();
        List<Metric> metrics = detector.metrics();
        double[][] columns = new double[metrics.size()][];
        for (int m = 0; m < columns.length; m++) {
            double[] c = table.columns().get(metrics.get(m));
            columns[m] = c == null ? new double[n] : c;
            if (c == null) {
                java.util.Arrays.fill(columns[m], Double.NaN);
            }
        }
        double[] scores = new double[n];
        boolean[] incident = new boolean[n];
        List<Alarm> alarms = new ArrayList<>();
        double[] row = new double[metrics.size()];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < row.length; m++) {
                row[m] = columns[m][i];
            }
            RowResult r = detector.next(table.timestamps().get(i).toEpochMilli(), row);
            scores[i] = r.scoring() ? r.score() : 0;
            incident[i] = r.inIncident();
            if (r.raised()) {
                alarms.add(new Alarm(i, table.rawTimestamps().get(i), r.score(), r.severity(), r.contributors(), r.summary()));
            }
        }
        return new SeriesRun(table, detector.learningRows(), scores, incident, alarms, detector);
    }
}
