import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.agent.detect.FlatForest;
import io.smartcloudops.agent.detect.ForestTrainer;
import io.smartcloudops.agent.evaluate.ScoringRules;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import smile.anomaly.IsolationForest;

/**
 * Training and scoring speed of the isolation forest on the detector's own workload: for each NAB
 * development series, the features (mean of 3, mean of 24, std of 48 rows, standardised on the first P
 * rows) of every row; one forest per series (100 trees, 256 samples) fitted on its first P rows, then
 * every row scored. Writes the feature matrices to OUT_DIR so bench/detect/sklearn_bench.py scores the
 * very same numbers with scikit-learn.
 *
 * Run: java -cp agent/target/smartcloudops-agent.jar bench/detect/ForestSpeedBench.java NAB_DATA_DIR OUT_DIR [repeats]
 */
public class ForestSpeedBench {

    record Series(String name, double[][] x, int p) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "ml_models/datasets/nab/data");
        Path out = Path.of(args.length > 1 ? args[1] : "/tmp/forest-bench");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Files.createDirectories(out);
        List<Series> series = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                SeriesTable t = SeriesCsvReader.read(f, Optional.empty());
                double[] v = t.columns().values().iterator().next();
                int p = ScoringRules.nabProbationRows(t.rows());
                double[][] x = features(v, p);
                String name = f.getFileName().toString().replace(".csv", "");
                series.add(new Series(name, x, p));
                write(out.resolve(name + ".features.csv"), x, p);
            }
        }
        long rows = series.stream().mapToLong(s -> s.x().length).sum();
        long trainRows = series.stream().mapToLong(Series::p).sum();
        System.out.printf(Locale.ROOT, "series=%d rows=%d fitted_rows=%d trees=100 sample_size=256 features=3 repeats=%d%n",
                series.size(), rows, trainRows, repeats);

        // warm-up: the JIT compiles the hot paths before anything is timed
        for (int w = 0; w < 3; w++) {
            for (Series s : series) {
                IsolationForest f = ForestTrainer.fit(Arrays.copyOf(s.x(), s.p()), 100, 256, w);
                FlatForest flat = FlatForest.of(f, 3);
                for (double[] r : s.x()) {
                    flat.score(r);
                    f.score(r);
                }
                flat.score(s.x());
                f.score(s.x());
            }
        }
        double[] fitSeeded = new double[repeats];
        double[] fitSmileParallel = new double[repeats];
        double[] scoreSmileRow = new double[repeats];
        double[] scoreSmileBatch = new double[repeats];
        double[] scoreFlat = new double[repeats];
        double[] scoreFlatBatch = new double[repeats];
        double checksum = 0;
        for (int k = 0; k < repeats; k++) {
            List<IsolationForest> forests = new ArrayList<>();
            long t0 = System.nanoTime();
            for (Series s : series) {
                forests.add(ForestTrainer.fit(Arrays.copyOf(s.x(), s.p()), 100, 256, k));
            }
            fitSeeded[k] = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            for (Series s : series) {
                double[][] train = Arrays.copyOf(s.x(), s.p());
                double fraction = Math.min(1 - 1e-9, 256.25 / train.length);
                IsolationForest.fit(train, new IsolationForest.Options(100, 8, fraction, 0));
            }
            fitSmileParallel[k] = (System.nanoTime() - t0) / 1e9;

            List<FlatForest> flats = new ArrayList<>();
            for (IsolationForest f : forests) {
                flats.add(FlatForest.of(f, 3));
            }
            t0 = System.nanoTime();
            for (int i = 0; i < series.size(); i++) {
                IsolationForest f = forests.get(i);
                for (double[] r : series.get(i).x()) {
                    checksum += f.score(r);
                }
            }
            scoreSmileRow[k] = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            for (int i = 0; i < series.size(); i++) {
                checksum += forests.get(i).score(series.get(i).x())[0];
            }
            scoreSmileBatch[k] = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            for (int i = 0; i < series.size(); i++) {
                FlatForest f = flats.get(i);
                for (double[] r : series.get(i).x()) {
                    checksum -= f.score(r);
                }
            }
            scoreFlat[k] = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            for (int i = 0; i < series.size(); i++) {
                checksum -= flats.get(i).score(series.get(i).x())[0];
            }
            scoreFlatBatch[k] = (System.nanoTime() - t0) / 1e9;
        }
        report("java_fit_seeded_sequential", fitSeeded, trainRows);
        report("java_fit_smile_parallel", fitSmileParallel, trainRows);
        report("java_score_smile_per_row", scoreSmileRow, rows);
        report("java_score_smile_batch_parallel", scoreSmileBatch, rows);
        report("java_score_flat_per_row", scoreFlat, rows);
        report("java_score_flat_batch", scoreFlatBatch, rows);
        System.out.println("checksum " + checksum);
    }

    static void report(String name, double[] seconds, long rows) {
        double m = median(seconds);
        System.out.printf(Locale.ROOT, "%s median_s=%.4f rows_per_s=%.0f all=%s%n", name, m, rows / m,
                Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 1e4) / 1e4).toArray()));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** mean of 3, mean of 24, sample std of 48 rows, standardised by median and IQR of the first p rows. */
    static double[][] features(double[] v, int p) {
        int n = v.length;
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            x[i][0] = mean(v, i, 3);
            x[i][1] = mean(v, i, 24);
            x[i][2] = std(v, i, 48);
        }
        for (int j = 0; j < 3; j++) {
            double[] col = new double[p];
            for (int i = 0; i < p; i++) {
                col[i] = x[i][j];
            }
            Arrays.sort(col);
            double med = col[p / 2];
            double iqr = Math.max(col[(3 * p) / 4] - col[p / 4], 1e-9);
            for (int i = 0; i < n; i++) {
                x[i][j] = (x[i][j] - med) / iqr;
            }
        }
        return x;
    }

    static double mean(double[] v, int i, int w) {
        int from = Math.max(0, i - w + 1);
        double s = 0;
        for (int k = from; k <= i; k++) {
            s += v[k];
        }
        return s / (i - from + 1);
    }

    static double std(double[] v, int i, int w) {
        int from = Math.max(0, i - w + 1);
        int n = i - from + 1;
        if (n < 2) {
            return 0;
        }
        double m = mean(v, i, w);
        double ss = 0;
        for (int k = from; k <= i; k++) {
            ss += (v[k] - m) * (v[k] - m);
        }
        return Math.sqrt(ss / (n - 1));
    }

    static void write(Path file, double[][] x, int p) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("# fitted_rows=" + p + "\n");
            for (double[] r : x) {
                w.write(r[0] + "," + r[1] + "," + r[2] + "\n");
            }
        }
    }
}
