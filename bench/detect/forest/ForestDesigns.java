package io.smartcloudops.agent.detect;

import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.agent.evaluate.EventScorer;
import io.smartcloudops.agent.evaluate.FileScore;
import io.smartcloudops.agent.evaluate.LabelWindows;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.Summary;
import io.smartcloudops.api.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

/**
 * Every way of giving the isolation forest a say in the decision that was tried on the development data
 * (NAB development set, fault recordings run-1 and run-2), with the shipped features, novelty and incident
 * rules; docs/benchmarks.md summarises the output. Lives in the detector's package because it reads its
 * package-private parts (features, novelty, incidents), so bench/detect/forest/run.sh compiles it against
 * the agent jar instead of running it as a single-file program.
 *
 * <p>Per series and seed it computes, for every scored row and metric: the novelty against the fitted and
 * trailing ranges (as shipped), the novelty against the fitted range only, the score of the forest grown on
 * the fitted rows (F, as shipped), of forests over per-metric short means (D) and short + level means (L), and
 * optionally of a "trailing" forest regrown on the rows [i - H, i - d] while scoring (K of its trees replaced
 * every R rows; per metric or over all features; calibrated by the median and a quantile q of its scores on
 * up to C reference rows). Then it evaluates rule families on those signals with the shipped incident logic
 * and prints one line per rule: data, forest configuration, rule, mean event F1 (FP cap 12) over seeds 0-4,
 * windows found + FP events per seed.
 *
 * <pre>
 * bench/detect/forest/run.sh [H,d,R,K,trees,psi,q,joint|pm,C ...]
 * </pre>
 */
public final class ForestDesigns {

    record Data(String name, LabelWindows labels, Map<String, SeriesTable> tables) {
    }

    record Trailing(int horizon, int exclusion, int refresh, int replace, int trees, int psi, double q, boolean joint,
                    int calibration) {
        static Trailing parse(String a) {
            String[] v = a.split(",");
            return new Trailing(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]),
                    Integer.parseInt(v[4]), Integer.parseInt(v[5]), Double.parseDouble(v[6]), v[7].equals("joint"),
                    Integer.parseInt(v[8]));
        }

        @Override
        public String toString() {
            return "trailing H" + horizon + " d" + exclusion + " R" + refresh + " K" + replace + " " + trees + "x" + psi + " q" + q
                    + (joint ? " joint" : " per-metric") + " C" + calibration;
        }
    }

    /** Per-row signals of one series; rows before p are the fitted rows. */
    static final class Signals {
        String key;
        SeriesTable table;
        int p;
        int n;
        int metrics;
        double[][] noveltyAll;   // [row][metric]: beyond fitted and trailing ranges (shipped)
        double[][] noveltyFit;   // [row][metric]: beyond the fitted range only
        double[] isoF;           // shipped forest
        double[] isoD;           // forest over per-metric short means
        double[] isoL;           // forest over short + level means
        double fitMedian;
        RobustStats fitScores;
        double dMax;
        double lMax;
        boolean joint;
        double[][] isoT;         // [row][group]
        double[][] medT;
        double[][] qT;
    }

    static Data load(String name, String dir, String labelsFile) throws Exception {
        LabelWindows labels = LabelWindows.read(Path.of(labelsFile));
        Map<String, SeriesTable> tables = new LinkedHashMap<>();
        try (var files = Files.walk(Path.of(dir))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                Optional<String> key = labels.keyFor(f.toString());
                if (key.isPresent()) {
                    tables.put(key.get(), SeriesCsvReader.read(f, Optional.empty()));
                }
            }
        }
        return new Data(name, labels, tables);
    }

    /** One tree grown on exactly these rows, through ForestTrainer (seeded, under its lock on Smile's generator). */
    static IsolationTree growTree(double[][] sample, long seed) {
        return ForestTrainer.fit(sample, 1, sample.length, seed).trees()[0];
    }

    static double[][] project(double[][] z, int[] cols) {
        double[][] o = new double[z.length][cols.length];
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < cols.length; k++) {
                o[i][k] = z[i][cols[k]];
            }
        }
        return o;
    }

    /** A forest over some columns, regrown while scoring on the trailing rows. */
    static final class RollingForest {
        final Trailing config;
        final int[] cols;
        final IsolationTree[] trees;
        final Random random;
        final long seed;
        IsolationForest forest;
        int next;
        long grown;
        double median;
        double quantile;

        RollingForest(Trailing config, int[] cols, long seed) {
            this.config = config;
            this.cols = cols;
            this.trees = new IsolationTree[config.trees()];
            this.seed = seed;
            this.random = new Random(seed * 31 + cols[0]);
        }

        void regrow(double[][] z, int lo, int hi, boolean all) {
            int refN = hi - lo + 1;
            int psi = Math.min(config.psi(), refN);
            int count = all ? config.trees() : config.replace();
            int[] idx = new int[refN];
            for (int k = 0; k < count; k++) {
                int slot = all ? k : next;
                if (!all) {
                    next = (next + 1) % config.trees();
                }
                for (int a = 0; a < refN; a++) {
                    idx[a] = lo + a;
                }
                double[][] sample = new double[psi][];
                for (int a = 0; a < psi; a++) {
                    int c = a + random.nextInt(refN - a);
                    int tmp = idx[a];
                    idx[a] = idx[c];
                    idx[c] = tmp;
                    sample[a] = project(new double[][] {z[idx[a]]}, cols)[0];
                }
                trees[slot] = growTree(sample, ForestTrainer.mix(seed + 1000L * cols[0], (int) grown++));
            }
            forest = new IsolationForest(psi, cols.length, 0, trees.clone());
            int m = config.calibration() <= 0 ? refN : Math.min(refN, config.calibration());
            double[][] ref = new double[m][];
            for (int a = 0; a < m; a++) {
                int r = config.calibration() <= 0 ? lo + a : lo + random.nextInt(refN);
                ref[a] = project(new double[][] {z[r]}, cols)[0];
            }
            RobustStats rs = new RobustStats(forest.score(ref));
            median = rs.median();
            quantile = rs.quantile(config.q());
        }

        double score(double[] z) {
            return forest.score(project(new double[][] {z}, cols)[0]);
        }
    }

    static Signals signals(String key, SeriesTable t, DetectorSettings s, Trailing trailing) {
        Signals g = new Signals();
        g.key = key;
        g.table = t;
        int n = t.rows();
        int p = ScoringRules.nabProbationRows(n);
        List<Metric> metrics = new ArrayList<>(t.metrics());
        int nm = metrics.size();
        double[][] cols = metrics.stream().map(m -> t.columns().get(m)).toArray(double[][]::new);
        FeatureWindow w = new FeatureWindow(nm, s);
        double[][] f = new double[n][];
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = new double[nm];
            for (int m = 0; m < nm; m++) {
                raw[i][m] = cols[m][i];
            }
            f[i] = w.next(raw[i]);
        }
        SeriesModel model = ModelFitter.fit(s, metrics, !t.singleMetric(), Arrays.copyOf(f, p), Arrays.copyOf(raw, p));
        Baseline b = model.baseline();
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = b.standardise(f[i]);
        }
        g.p = p;
        g.n = n;
        g.metrics = nm;
        g.noveltyAll = new double[n][];
        g.noveltyFit = new double[n][];
        g.isoF = new double[n];
        g.isoD = new double[n];
        g.isoL = new double[n];
        double[][] fitted = Arrays.copyOf(z, p);
        g.fitScores = new RobustStats(model.forest().score(fitted));
        g.fitMedian = g.fitScores.median();
        int[] dCols = IntStream.range(0, nm).map(m -> 3 * m).toArray();
        int[] lCols = IntStream.range(0, 2 * nm).map(k -> 3 * (k / 2) + (k % 2)).toArray();
        FlatForest fd = ForestTrainer.fitFlat(project(fitted, dCols), s.trees(), s.sampleSize(), s.seed());
        FlatForest fl = ForestTrainer.fitFlat(project(fitted, lCols), s.trees(), s.sampleSize(), s.seed());
        g.dMax = new RobustStats(fd.score(project(fitted, dCols))).max();
        g.lMax = new RobustStats(fl.score(project(fitted, lCols))).max();
        NoveltyTracker tracker = new NoveltyTracker(f[0].length, s.noveltyHorizon(), s.noveltyExclusion());
        double[] nov = new double[f[0].length];
        for (int i = 0; i < p; i++) {
            tracker.next(f[i], b, nov);
        }
        RollingForest[] rolling = null;
        if (trailing != null) {
            g.joint = trailing.joint() || nm == 1;
            rolling = new RollingForest[g.joint ? 1 : nm];
            for (int k = 0; k < rolling.length; k++) {
                int[] c = g.joint ? IntStream.range(0, 3 * nm).toArray() : new int[] {3 * k, 3 * k + 1, 3 * k + 2};
                rolling[k] = new RollingForest(trailing, c, s.seed());
            }
            g.isoT = new double[n][];
            g.medT = new double[n][];
            g.qT = new double[n][];
        }
        double[] hi = b.featureHigh();
        double[] lo = b.featureLow();
        double[] scale = b.featureScale();
        for (int i = p; i < n; i++) {
            tracker.next(f[i], b, nov);
            g.noveltyAll[i] = new double[nm];
            g.noveltyFit[i] = new double[nm];
            for (int j = 0; j < nov.length; j++) {
                int m = j / 3;
                g.noveltyAll[i][m] = Math.max(g.noveltyAll[i][m], nov[j]);
                double v = f[i][j];
                if (!Double.isNaN(v) && !Double.isNaN(hi[j])) {
                    g.noveltyFit[i][m] = Math.max(g.noveltyFit[i][m], Math.max(0, Math.max((v - hi[j]) / scale[j], (lo[j] - v) / scale[j])));
                }
            }
            g.isoF[i] = model.forest().score(z[i]);
            g.isoD[i] = fd.score(project(new double[][] {z[i]}, dCols)[0]);
            g.isoL[i] = fl.score(project(new double[][] {z[i]}, lCols)[0]);
            if (rolling != null) {
                int from = Math.max(0, i - trailing.horizon());
                int to = i - trailing.exclusion();
                boolean due = (i - p) % trailing.refresh() == 0;
                g.isoT[i] = new double[rolling.length];
                g.medT[i] = new double[rolling.length];
                g.qT[i] = new double[rolling.length];
                for (int k = 0; k < rolling.length; k++) {
                    RollingForest r = rolling[k];
                    if (r.forest == null || due) {
                        r.regrow(z, from, to, r.forest == null || to - from + 1 < trailing.psi());
                    }
                    g.isoT[i][k] = r.score(z[i]);
                    g.medT[i][k] = r.median;
                    g.qT[i][k] = r.quantile;
                }
            }
        }
        return g;
    }

    /** The metrics that make row i anomalous (empty: a normal row). */
    interface Rule {
        BitSet fire(Signals g, int i);
    }

    /** The shipped incident logic (SeriesDetector): confirm, close, and a new metric taking over re-raises. */
    static int[] alarms(Signals g, Rule rule, DetectorSettings s) {
        IncidentTracker incidents = new IncidentTracker(s);
        BitSet incidentMetrics = new BitSet();
        int newMetricRun = 0;
        List<Integer> out = new ArrayList<>();
        for (int i = g.p; i < g.n; i++) {
            BitSet now = rule.fire(g, i);
            boolean anomalous = !now.isEmpty();
            IncidentStep step = incidents.next(i, anomalous);
            if (step == IncidentStep.RAISED) {
                incidentMetrics.clear();
                incidentMetrics.or(now);
                newMetricRun = 0;
            } else if (step == IncidentStep.ONGOING && anomalous) {
                BitSet fresh = (BitSet) now.clone();
                fresh.andNot(incidentMetrics);
                if (fresh.isEmpty()) {
                    newMetricRun = 0;
                } else if (++newMetricRun >= incidents.confirmRows()) {
                    incidents.reraise(i);
                    step = IncidentStep.RAISED;
                    incidentMetrics.clear();
                    incidentMetrics.or(now);
                    newMetricRun = 0;
                }
            } else if (step != IncidentStep.ONGOING) {
                newMetricRun = 0;
            }
            if (step == IncidentStep.RAISED) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static BitSet each(Signals g, IntPredicate metricFires) {
        BitSet out = new BitSet();
        for (int m = 0; m < g.metrics; m++) {
            if (metricFires.test(m)) {
                out.set(m);
            }
        }
        return out;
    }

    static int group(Signals g, int m) {
        return g.joint ? 0 : m;
    }

    /** The trailing forest's threshold: median + margin x (quantile - median) of its reference scores. */
    static double trailingThreshold(Signals g, int i, int m, double margin) {
        int k = group(g, m);
        return g.medT[i][k] + margin * (g.qT[i][k] - g.medT[i][k]);
    }

    static double smoothedT(Signals g, int i, int k, int w) {
        double sum = 0;
        int c = 0;
        for (int j = i; j > i - w && j >= g.p; j--) {
            sum += g.isoT[j][k];
            c++;
        }
        return sum / c;
    }

    static double smoothedF(Signals g, int i, int w) {
        double sum = 0;
        int c = 0;
        for (int j = i; j > i - w && j >= g.p; j--) {
            sum += g.isoF[j];
            c++;
        }
        return sum / c;
    }

    static Map<String, Rule> rules(DetectorSettings d, boolean withTrailing) {
        double th = d.noveltyThreshold();
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (double b : new double[] {1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0}) {
            rules.put("novelty " + b + " alone", (g, i) -> each(g, m -> g.noveltyAll[i][m] >= b));
        }
        rules.put("novelty 1.5 and forest gate q0.5 (first design)",
                (g, i) -> each(g, m -> g.noveltyAll[i][m] >= th && g.isoF[i] >= g.fitMedian));
        rules.put("forest alone: score >= max fitted", (g, i) -> each(g, m -> g.isoF[i] >= g.fitScores.max()));
        // the forest modulates the margin: novelty >= b * exp(-k * u), u = (score - median) / (max - median)
        for (double b : new double[] {1.5, 2, 2.5, 3, 4}) {
            for (double k : new double[] {0.25, 0.5, 1, 1.5, 2}) {
                rules.put("soft F b" + b + " k" + k, (g, i) -> each(g, m -> g.noveltyAll[i][m]
                        >= b * Math.exp(-k * (g.isoF[i] - g.fitMedian) / (g.fitScores.max() - g.fitMedian))));
            }
        }
        // two-level: novelty >= hi alarms alone; novelty in [lo, hi) when a forest confirms the row
        for (double lo : new double[] {0.75, 1, 1.25, 1.5}) {
            for (double hi : new double[] {1.5, 2, 2.25, 2.5, 2.75, 3, 4}) {
                if (hi <= lo) {
                    continue;
                }
                for (double q : new double[] {0.5, 0.9, 0.95, 0.99, 1.0}) {
                    rules.put("band lo" + lo + " hi" + hi + " F q" + q, (g, i) -> each(g, m -> g.noveltyAll[i][m] >= hi
                            || g.noveltyAll[i][m] >= lo && g.isoF[i] >= g.fitScores.quantile(q)));
                }
                rules.put("band lo" + lo + " hi" + hi + " D max", (g, i) -> each(g, m -> g.noveltyAll[i][m] >= hi
                        || g.noveltyAll[i][m] >= lo && g.isoD[i] >= g.dMax));
                rules.put("band lo" + lo + " hi" + hi + " L max", (g, i) -> each(g, m -> g.noveltyAll[i][m] >= hi
                        || g.noveltyAll[i][m] >= lo && g.isoL[i] >= g.lMax));
                if (withTrailing) {
                    rules.put("band lo" + lo + " hi" + hi + " T", (g, i) -> each(g, m -> g.noveltyAll[i][m] >= hi
                            || g.noveltyAll[i][m] >= lo && g.isoT[i][group(g, m)] >= g.qT[i][group(g, m)]));
                    rules.put("band lo" + lo + " hi" + hi + " T&F", (g, i) -> each(g, m -> g.noveltyAll[i][m] >= hi
                            || g.noveltyAll[i][m] >= lo && g.isoT[i][group(g, m)] >= g.qT[i][group(g, m)]
                            && g.isoF[i] >= g.fitScores.max()));
                }
            }
        }
        if (!withTrailing) {
            return rules;
        }
        for (double mm : new double[] {1, 1.1, 1.25, 1.5, 2}) {
            rules.put("trailing forest alone m" + mm, (g, i) -> each(g, m -> g.isoT[i][group(g, m)] >= trailingThreshold(g, i, m, mm)));
            rules.put("trailing and fitted forests m" + mm, (g, i) -> each(g, m -> g.isoT[i][group(g, m)]
                    >= trailingThreshold(g, i, m, mm) && g.isoF[i] >= g.fitScores.max()));
            rules.put("novelty or both forests m" + mm, (g, i) -> each(g, m -> g.noveltyAll[i][m] >= th
                    || g.isoT[i][group(g, m)] >= trailingThreshold(g, i, m, mm) && g.isoF[i] >= g.fitScores.max()));
            rules.put("novelty and trailing forest m" + mm, (g, i) -> each(g, m -> g.noveltyAll[i][m] >= th
                    && g.isoT[i][group(g, m)] >= trailingThreshold(g, i, m, mm)));
            rules.put("novelty > 0 and trailing forest m" + mm, (g, i) -> each(g, m -> g.noveltyAll[i][m] > 0
                    && g.isoT[i][group(g, m)] >= trailingThreshold(g, i, m, mm)));
            // the trailing forest's density replaces the trailing range (an earlier incident no longer masks)
            for (double b : new double[] {1.5, 2, 3}) {
                rules.put("fitted-range novelty " + b + " and trailing forest m" + mm, (g, i) -> each(g, m ->
                        g.noveltyFit[i][m] >= b && g.isoT[i][group(g, m)] >= trailingThreshold(g, i, m, mm)));
            }
            for (int sw : new int[] {3, 6, 12}) {
                rules.put("trailing and fitted forests, scores averaged over " + sw + " rows, m" + mm, (g, i) -> each(g, m ->
                        smoothedT(g, i, group(g, m), sw) >= trailingThreshold(g, i, m, mm) && smoothedF(g, i, sw) >= g.fitScores.max()));
            }
        }
        for (double b : new double[] {1.5, 2, 2.5}) {
            for (double k : new double[] {0.25, 0.5, 1}) {
                rules.put("soft T b" + b + " k" + k, (g, i) -> each(g, m -> g.noveltyAll[i][m] >= b * Math.exp(-k
                        * (g.isoT[i][group(g, m)] - g.medT[i][group(g, m)]) / (g.qT[i][group(g, m)] - g.medT[i][group(g, m)]))));
            }
        }
        return rules;
    }

    public static void main(String[] args) throws Exception {
        List<Data> sets = List.of(
                load("nab", "ml_models/datasets/nab/data", "ml_models/datasets/nab/labels.json"),
                load("faults-dev (run-1, run-2)", "ml_models/datasets/faults", "ml_models/datasets/faults/labels.json"));
        DetectorSettings d = DetectorSettings.defaults();
        List<Trailing> configs = new ArrayList<>();
        configs.add(null);
        for (String a : args) {
            configs.add(Trailing.parse(a));
        }
        System.out.println("data\tforest\trule\tmean_event_f1_cap12\twindows+fp_events_by_seed");
        for (Trailing tr : configs) {
            Map<String, Rule> rules = rules(d, tr != null);
            for (Data data : sets) {
                Map<String, double[]> f1 = new LinkedHashMap<>();
                Map<String, StringBuilder> detail = new LinkedHashMap<>();
                for (long seed = 0; seed < 5; seed++) {
                    DetectorSettings s = d.withSeed(seed);
                    List<Signals> sig = data.tables().entrySet().parallelStream()
                            .filter(en -> data.name().equals("nab") || en.getKey().startsWith("run-1/") || en.getKey().startsWith("run-2/"))
                            .map(en -> signals(en.getKey(), en.getValue(), s, tr)).toList();
                    EventScorer scorer = new EventScorer(ScoringRules.capped());
                    for (var r : rules.entrySet()) {
                        List<FileScore> scores = new ArrayList<>();
                        for (Signals g : sig) {
                            scores.add(scorer.score(g.key, g.table.timestamps(), data.labels().windows(g.key), alarms(g, r.getValue(), s)));
                        }
                        Summary sum = Summary.of(scores);
                        f1.computeIfAbsent(r.getKey(), k -> new double[5])[(int) seed] = sum.event().f1();
                        detail.computeIfAbsent(r.getKey(), k -> new StringBuilder())
                                .append(' ').append(sum.detected()).append('/').append(sum.windows()).append('+').append(sum.fpEvents());
                    }
                }
                for (var en : f1.entrySet()) {
                    System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%.3f\t%s%n", data.name(), tr == null ? "fitted only" : tr, en.getKey(),
                            Arrays.stream(en.getValue()).average().orElse(0), detail.get(en.getKey()).toString().trim());
                }
                System.out.flush();
            }
        }
    }
}
