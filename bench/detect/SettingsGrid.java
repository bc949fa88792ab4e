import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.agent.detect.BatchDetector;
import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.SeriesDetector;
import io.smartcloudops.agent.evaluate.EventScorer;
import io.smartcloudops.agent.evaluate.FileScore;
import io.smartcloudops.agent.evaluate.LabelWindows;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.Summary;
import io.smartcloudops.api.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every detector setting tried on the NAB development set, and the ablations of docs/benchmarks.md (the
 * other ways of giving the isolation forest a say are in bench/detect/forest/).
 * Prints one tab-separated line per setting: event F1 with the FP cap of 12, windows found, FP events.
 *
 * Run: java -cp agent/target/smartcloudops-agent.jar bench/detect/SettingsGrid.java grid|ablation|seeds [DATA_DIR LABELS]
 * (default: the NAB development set, ml_models/datasets/nab/data and its labels.json)
 */
public class SettingsGrid {

    static LabelWindows labels;
    static final Map<String, SeriesTable> TABLES = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "ablation";
        Path data = Path.of(args.length > 2 ? args[1] : "ml_models/datasets/nab/data");
        labels = LabelWindows.read(Path.of(args.length > 2 ? args[2] : "ml_models/datasets/nab/labels.json"));
        try (var files = java.nio.file.Files.walk(data)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                Optional<String> key = labels.keyFor(f.toString());
                if (key.isPresent()) {
                    TABLES.put(key.get(), SeriesCsvReader.read(f, Optional.empty()));
                }
            }
        }
        DetectorSettings d = DetectorSettings.defaults();
        switch (mode) {
            case "grid" -> {
                System.out.println("windows\thorizon\texclusion\tthreshold\tconfirm\trefractory\tevent_f1_cap12\tdetected\tfp_events\tdelay_mean_rows");
                int[][] windows = {{3, 24, 48}, {6, 48, 48}, {3, 12, 24}};
                for (int[] w : windows) {
                    for (int h : new int[] {576, 1152, 2016}) {
                        for (int ex : new int[] {24, 48, 96}) {
                            for (double b : new double[] {1.0, 1.5, 2.0, 3.0}) {
                                for (int m : new int[] {1, 3}) {
                                    for (int r : new int[] {0, 288}) {
                                        // the grid of the first design: one novelty threshold, forest gate at the median
                                        DetectorSettings s = new DetectorSettings(w[0], w[1], w[2], h, ex, b,
                                                Double.POSITIVE_INFINITY, m, 12, r, 0.5, d.trees(), d.sampleSize(), 0,
                                                d.scaleFloors());
                                        System.out.println(w[0] + "/" + w[1] + "/" + w[2] + "\t" + h + "\t" + ex + "\t" + b + "\t" + m
                                                + "\t" + r + "\t" + line(evaluate(s)));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            case "seeds" -> {
                for (long seed = 0; seed < 5; seed++) {
                    System.out.println("seed " + seed + "\t" + line(evaluate(d.withSeed(seed))));
                }
            }
            default -> {
                System.out.println("variant\tseed\tevent_f1_cap12\tdetected\tfp_events\tdelay_mean_rows");
                double lo = d.noveltyThreshold();
                double hi = d.clearNovelty();
                for (long seed = 0; seed < 5; seed++) {
                    DetectorSettings s = d.withSeed(seed);
                    System.out.println("shipped: novelty " + hi + " alone, or " + lo + " confirmed by the forest (gate q" + d.isolationGate()
                            + ")\t" + seed + "\t" + line(evaluate(s)));
                    System.out.println("no forest, band dropped: novelty " + hi + " alone\t" + seed + "\t"
                            + line(evaluate(s.withDecision(hi, hi, 0))));
                    System.out.println("no forest, band accepted: novelty " + lo + " alone\t" + seed + "\t"
                            + line(evaluate(s.withDecision(lo, lo, 0))));
                    for (double q : new double[] {0.5, 0.9, 0.99}) {
                        System.out.println("band judged by the forest at gate q" + q + "\t" + seed + "\t"
                                + line(evaluate(s.withDecision(lo, hi, q))));
                    }
                    System.out.println("first design: novelty " + lo + " and forest gate q0.5 (shipped until this change)\t" + seed
                            + "\t" + line(evaluate(s.withDecision(lo, Double.POSITIVE_INFINITY, 0.5))));
                    for (double factor : new double[] {1.0, 1.05, 1.1}) {
                        System.out.println("isolation forest alone, threshold " + factor + " x max fitted score\t" + seed + "\t"
                                + line(isolationOnly(s, factor)));
                    }
                }
            }
        }
    }

    static double[] row(double[][] cols, int i) {
        double[] r = new double[cols.length];
        for (int m = 0; m < r.length; m++) {
            r[m] = cols[m][i];
        }
        return r;
    }

    static String line(Summary s) {
        return String.format(Locale.ROOT, "%.3f\t%d/%d\t%d\t%.1f", s.event().f1(), s.detected(), s.windows(), s.fpEvents(),
                s.delayMean());
    }

    static Summary evaluate(DetectorSettings s) {
        List<FileScore> scores = new ArrayList<>();
        EventScorer scorer = new EventScorer(ScoringRules.capped());
        TABLES.forEach((k, t) -> scores.add(scorer.score(k, t.timestamps(), labels.windows(k), BatchDetector.run(t, s).alarmRows())));
        return Summary.of(scores);
    }

    /**
     * The forest's score alone: a row is anomalous when its isolation score reaches factor x the highest score
     * of the fitted rows; the same confirmation, closing and refractory rules as the detector.
     */
    static Summary isolationOnly(DetectorSettings s, double factor) {
        List<FileScore> scores = new ArrayList<>();
        EventScorer scorer = new EventScorer(ScoringRules.capped());
        TABLES.forEach((k, t) -> {
            int p = ScoringRules.nabProbationRows(t.rows());
            List<Metric> metrics = new ArrayList<>(t.metrics());
            SeriesDetector det = new SeriesDetector(s, metrics, !t.singleMetric(), p);
            double[][] cols = metrics.stream().map(m -> t.columns().get(m)).toArray(double[][]::new);
            double[] iso = new double[t.rows()];
            for (int i = 0; i < t.rows(); i++) {
                iso[i] = det.next(row(cols, i)).isolation();
            }
            // the fitted rows' own scores, from the fitted forest
            double max = 0;
            SeriesDetector again = new SeriesDetector(s, metrics, !t.singleMetric(), p);
            for (int i = 0; i < p; i++) {
                again.next(row(cols, i));
            }
            var model = again.model().orElseThrow();
            SeriesDetector scorerOnFitted = new SeriesDetector(s, model);
            for (int i = 0; i < p; i++) {
                max = Math.max(max, scorerOnFitted.next(row(cols, i)).isolation());
            }
            List<Integer> alarms = new ArrayList<>();
            int run = 0;
            boolean open = false;
            int normal = 0;
            int last = Integer.MIN_VALUE / 2;
            for (int i = p; i < t.rows(); i++) {
                boolean a = iso[i] >= factor * max;
                if (open) {
                    normal = a ? 0 : normal + 1;
                    if (normal >= s.closeAfterRows()) {
                        open = false;
                        run = 0;
                    }
                    continue;
                }
                run = a ? run + 1 : 0;
                if (run >= s.confirmRows() && i - last >= s.refractoryRows()) {
                    open = true;
                    normal = 0;
                    last = i;
                    alarms.add(i);
                }
            }
            scores.add(scorer.score(k, t.timestamps(), labels.windows(k), alarms.stream().mapToInt(Integer::intValue).toArray()));
        });
        return Summary.of(scores);
    }
}
