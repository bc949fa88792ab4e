import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.FlatForest;
import io.smartcloudops.agent.detect.ForestTrainer;
import io.smartcloudops.agent.detect.IncidentStep;
import io.smartcloudops.agent.detect.IncidentTracker;
import io.smartcloudops.agent.detect.RowResult;
import io.smartcloudops.agent.detect.SeriesDetector;
import io.smartcloudops.agent.evaluate.BenchmarkSuite;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.SuiteReport;
import io.smartcloudops.api.Metric;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Does a Smile isolation forest still earn its place? (issue 13: "the isolation forest stays only where it measurably
 * helps"). The detector's per-row novelty is replayed through the same incident rule ({@link IncidentTracker}) with
 * different judges of the borderline band (novelty between band_novelty and clear_novelty):
 * <ul>
 * <li>persistence (shipped): the band counts after band_confirm_rows rows in a row;</li>
 * <li>none: the band is dropped (clear novelty only); accepted: the band counts at once;</li>
 * <li>forest: the band counts when the row's isolation score is above every learning row's (a forest of 100 trees
 *     grown on the learning rows' standardised features: per metric the value, the mean of 3 and of 24 and the
 *     standard deviation of 48 rows; joint anomalies across a host's metrics are what it could add);</li>
 * <li>forest or persistence; and the forest alone (isolation score above every learning row's, no novelty).</li>
 * </ul>
 * Every variant is scored on the whole suite; one line each.
 *
 * <pre>
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/forest/ForestDesigns.java
 * </pre>
 */
public class ForestDesigns {

    enum Judge { PERSISTENCE, NONE, ACCEPTED, FOREST, FOREST_OR_PERSISTENCE, FOREST_ALONE }

    /** Per row: the detector's novelty, and the forest's score minus the gate (>= 0: above every learning row). */
    record Signals(double[] novelty, double[] isolationOverGate, int learningRows) {
    }

    public static void main(String[] args) throws Exception {
        DetectorSettings s = DetectorSettings.defaults();
        BenchmarkSuite suite = BenchmarkSuite.read(Path.of("ml_models/datasets"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Signals>> futures = new ArrayList<>();
        for (var series : suite.series()) {
            futures.add(pool.submit(() -> signals(series, s)));
        }
        List<Signals> signals = new ArrayList<>();
        for (var f : futures) {
            signals.add(f.get());
        }
        pool.shutdown();
        PrintWriter out = new PrintWriter(System.out);
        SuiteReport any = null;
        for (Judge j : Judge.values()) {
            List<int[]> alarms = new ArrayList<>();
            for (Signals sig : signals) {
                alarms.add(replay(sig, s, j));
            }
            SuiteReport r = SuiteReport.of(suite, alarms, ScoringRules.capped());
            if (any == null) {
                out.println("judge\t" + r.header());
                any = r;
            }
            out.println(j.name().toLowerCase(Locale.ROOT) + "\t" + r.line());
        }
        out.flush();
    }

    static Signals signals(BenchmarkSuite.LabelledSeries series, DetectorSettings s) {
        var t = series.table();
        int n = t.rows();
        int p = ScoringRules.nabProbationRows(n);
        List<Metric> metrics = new ArrayList<>(t.metrics());
        SeriesDetector d = new SeriesDetector(s, metrics, !t.singleMetric(), p);
        double[][] cols = metrics.stream().map(m -> t.columns().get(m)).toArray(double[][]::new);
        double[] novelty = new double[n];
        double[][] features = new double[n][metrics.size() * 4];
        double[] row = new double[metrics.size()];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < row.length; m++) {
                row[m] = cols[m][i];
                features[i][m * 4] = cols[m][i];
                features[i][m * 4 + 1] = mean(cols[m], i, 3);
                features[i][m * 4 + 2] = mean(cols[m], i, 24);
                features[i][m * 4 + 3] = sd(cols[m], i, 48);
            }
            RowResult r = d.next(t.timestamps().get(i).toEpochMilli(), row);
            novelty[i] = i < p ? 0 : r.novelty();
        }
        // standardise by the learning rows' median and interquartile range; missing values count as typical (0)
        int dim = features[0].length;
        double[] med = new double[dim];
        double[] scale = new double[dim];
        for (int j = 0; j < dim; j++) {
            final int col = j;
            double[] v = Arrays.stream(features, 0, p).mapToDouble(f -> f[col]).filter(x -> !Double.isNaN(x)).sorted().toArray();
            med[j] = v.length == 0 ? 0 : v[v.length / 2];
            double iqr = v.length == 0 ? 0 : v[(int) (0.75 * (v.length - 1))] - v[(int) (0.25 * (v.length - 1))];
            double range = v.length == 0 ? 0 : v[v.length - 1] - v[0];
            scale[j] = Math.max(Math.max(iqr, range / 20), 1e-9);
        }
        double[][] z = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                z[i][j] = Double.isNaN(features[i][j]) ? 0 : (features[i][j] - med[j]) / scale[j];
            }
        }
        FlatForest forest = ForestTrainer.fitFlat(Arrays.copyOf(z, p), 100, 256, 0);
        double gate = 0;
        for (int i = 0; i < p; i++) {
            gate = Math.max(gate, forest.score(z[i]));
        }
        double[] over = new double[n];
        for (int i = 0; i < n; i++) {
            over[i] = forest.score(z[i]) - gate;
        }
        return new Signals(novelty, over, p);
    }

    static int[] replay(Signals sig, DetectorSettings s, Judge judge) {
        IncidentTracker incidents = new IncidentTracker(s.confirmRows(), s.closeAfterRows());
        List<Integer> alarms = new ArrayList<>();
        int bandRun = 0;
        for (int i = 0; i < sig.novelty().length; i++) {
            double nov = sig.novelty()[i];
            boolean forest = sig.isolationOverGate()[i] >= 0 && i >= sig.learningRows();
            boolean open = incidents.isOpen();
            boolean anomalous;
            boolean holding;
            if (judge == Judge.FOREST_ALONE) {
                anomalous = forest;
                holding = forest;
            } else {
                boolean band = nov >= s.bandNovelty() && nov < s.clearNovelty();
                bandRun = nov >= s.bandNovelty() ? (band ? bandRun + 1 : bandRun) : 0;
                IntPredicate persistence = run -> run >= s.bandConfirmRows();
                anomalous = nov >= s.clearNovelty() || (!open && band && switch (judge) {
                    case PERSISTENCE -> persistence.test(bandRun);
                    case NONE -> false;
                    case ACCEPTED -> true;
                    case FOREST -> forest;
                    case FOREST_OR_PERSISTENCE -> forest || persistence.test(bandRun);
                    case FOREST_ALONE -> throw new IllegalStateException();
                });
                holding = nov >= s.keepNovelty();
            }
            if (incidents.next(i, anomalous, holding) == IncidentStep.RAISED) {
                alarms.add(i);
            }
        }
        return alarms.stream().mapToInt(Integer::intValue).toArray();
    }

    static double mean(double[] c, int i, int w) {
        double s = 0;
        int k = 0;
        for (int j = Math.max(0, i - w + 1); j <= i; j++) {
            if (!Double.isNaN(c[j])) {
                s += c[j];
                k++;
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }

    static double sd(double[] c, int i, int w) {
        double m = mean(c, i, w);
        double ss = 0;
        int k = 0;
        for (int j = Math.max(0, i - w + 1); j <= i; j++) {
            if (!Double.isNaN(c[j])) {
                ss += (c[j] - m) * (c[j] - m);
                k++;
            }
        }
        return k < 2 ? (k == 0 ? Double.NaN : 0) : Math.sqrt(ss / (k - 1));
    }
}
