import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.DetectorState;
import io.smartcloudops.agent.detect.DetectorStateStore;
import io.smartcloudops.agent.detect.RowResult;
import io.smartcloudops.agent.detect.SeriesDetector;
import io.smartcloudops.agent.evaluate.BenchmarkSuite;
import io.smartcloudops.agent.evaluate.EventScorer;
import io.smartcloudops.agent.evaluate.FileScore;
import io.smartcloudops.agent.evaluate.LabelWindows;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.Summary;
import io.smartcloudops.api.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a restarted agent takes to score as well as one that never stopped. Every series of the suite is cut in
 * the middle of its scored rows (an agent restart); the second half is scored three ways and compared on the labelled
 * windows that lie in it:
 * <ul>
 * <li>never stopped: one detector over the whole series;</li>
 * <li>restarted with its saved state: the state written at the cut through {@code DetectorStateStore} (a file on
 *     disk, as the agent does) and read back; its verdicts must equal the first one's row for row;</li>
 * <li>restarted cold: a new detector from the cut (its first P rows raise nothing, as a new host's).</li>
 * </ul>
 * The second half is scored as a series of its own (no probationary rows), with event F1 and the FP cap of 12.
 *
 * <pre>
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/RestartReplay.java
 * </pre>
 */
public class RestartReplay {

    public static void main(String[] args) throws Exception {
        DetectorSettings s = DetectorSettings.defaults();
        BenchmarkSuite suite = BenchmarkSuite.read(Path.of("ml_models/datasets"));
        Path dir = Files.createTempDirectory("restart");
        DetectorStateStore store = new DetectorStateStore(dir);
        EventScorer scorer = new EventScorer(new ScoringRules(5, 0, 12));
        java.util.Map<String, List<FileScore>[]> byDataSet = new java.util.LinkedHashMap<>();
        int identical = 0;
        int series = 0;
        for (var ls : suite.series()) {
            var t = ls.table();
            int n = t.rows();
            int p = ScoringRules.nabProbationRows(n);
            int cut = p + (n - p) / 2;
            List<Metric> metrics = new ArrayList<>(t.metrics());
            SeriesDetector never = new SeriesDetector(s, metrics, !t.singleMetric(), p);
            List<RowResult> neverRows = feed(never, ls, 0, n);
            SeriesDetector first = new SeriesDetector(s, metrics, !t.singleMetric(), p);
            feed(first, ls, 0, cut);
            store.save(ls.key(), s, first.snapshot(), List.of());
            DetectorState.Series saved = store.load(ls.key(), s).orElseThrow().state();
            List<RowResult> restoredRows = feed(new SeriesDetector(s, saved), ls, cut, n);
            SeriesDetector cold = new SeriesDetector(s, metrics, !t.singleMetric(), Math.min(p, n - cut));
            List<RowResult> coldRows = feed(cold, ls, cut, n);
            series++;
            if (restoredRows.equals(neverRows.subList(cut, n).stream().toList())) {
                identical++;
            }
            // the second half as its own series (no probation), scored for each way
            List<Instant> times = t.timestamps().subList(cut, n);
            List<LabelWindows.Window> windows = ls.windows().stream()
                    .filter(w -> times.stream().anyMatch(w::contains)).toList();
            @SuppressWarnings("unchecked")
            List<FileScore>[] lists = byDataSet.computeIfAbsent(ls.dataSet(), k -> new List[] {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()});
            lists[0].add(scorer.score(ls.key(), times, windows, raised(neverRows.subList(cut, n), cut)));
            lists[1].add(scorer.score(ls.key(), times, windows, raised(restoredRows, cut)));
            lists[2].add(scorer.score(ls.key(), times, windows, raised(coldRows, cut)));
        }
        System.out.printf(Locale.ROOT, "restored detectors giving the never-stopped verdicts row for row: %d of %d series%n", identical, series);
        System.out.println("data set\tsecond half: event F1 never stopped / restored from saved state / restarted cold (windows, FP events)");
        for (var e : byDataSet.entrySet()) {
            StringBuilder sb = new StringBuilder(e.getKey());
            for (List<FileScore> l : e.getValue()) {
                Summary sum = Summary.of(l);
                sb.append(String.format(Locale.ROOT, "\t%.3f (%d/%d, %d)", sum.event().f1(), sum.detected(), sum.windows(), sum.fpEvents()));
            }
            System.out.println(sb);
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.delete(dir);
    }

    static List<RowResult> feed(SeriesDetector d, BenchmarkSuite.LabelledSeries ls, int from, int to) {
        var t = ls.table();
        List<Metric> metrics = d.metrics();
        double[] row = new double[metrics.size()];
        List<RowResult> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            for (int m = 0; m < row.length; m++) {
                row[m] = t.columns().get(metrics.get(m))[i];
            }
            out.add(d.next(t.timestamps().get(i).toEpochMilli(), row));
        }
        return out;
    }

    /** Raised rows, relative to the cut. */
    static int[] raised(List<RowResult> rows, int cut) {
        return rows.stream().filter(RowResult::raised).mapToInt(r -> (int) (r.row() - (rows.getFirst().row()))).toArray();
    }
}
