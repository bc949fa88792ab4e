import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.Feedback;
import io.smartcloudops.agent.detect.IncidentStep;
import io.smartcloudops.agent.detect.RowResult;
import io.smartcloudops.agent.detect.SeriesDetector;
import io.smartcloudops.agent.detect.Verdict;
import io.smartcloudops.agent.evaluate.BenchmarkSuite;
import io.smartcloudops.agent.evaluate.EventScorer;
import io.smartcloudops.agent.evaluate.FileScore;
import io.smartcloudops.agent.evaluate.LabelWindows;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.Summary;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Contributor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Simulated operator feedback (issue 13, step 5): an operator marks each series' first false alarm {@code false_alarm}
 * and each labelled window's first alarm {@code confirmed}, when that incident ends. Labels are read only by the
 * simulated operator, as a person would judge an alarm; the detector never sees them. Every series of the NAB
 * development and wide sets is replayed with the detector's batch protocol three times:
 * <ol>
 *   <li>without feedback;</li>
 *   <li><b>online</b>: the operator's verdicts reach the detector as they are given (the first false alarm of a series
 *       has always happened by then, so it is counted here);</li>
 *   <li><b>again</b>: the same history once more, by a detector that learns the series from scratch with the verdicts
 *       given on replay 1 in force from its first row, each with the pattern kept with it (the audit record's
 *       {@code pattern}: per metric and feature side, its edge and peak), as a host learned again after its state was
 *       refused, lost or not kept: does the detector still make the mistakes it was told about, and does what it was
 *       told cost any window?</li>
 * </ol>
 * Prints per category and in all: false-alarm events (FP cap 12) and windows found, for the three replays; then,
 * for every series with a false alarm after its verdict, what the verdict's incident flagged and what each later
 * false alarm flagged (metric, feature, side, values or residuals, the range edge when raised and the peak), so one can
 * see whether it repeats the pattern marked false.
 *
 * <pre>
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/FeedbackReplay.java [knob=value ...]
 * </pre>
 */
public class FeedbackReplay {

    record Outcome(FileScore without, FileScore with, FileScore again, int verdictsFalse, int verdictsConfirmed, List<String> afterVerdict) {
    }

    public static void main(String[] args) throws Exception {
        DetectorSettings s = DetectorSettings.defaults();
        for (String a : args) {
            String[] kv = a.split("=");
            s = s.with(kv[0], Double.parseDouble(kv[1]));
        }
        DetectorSettings settings = s;
        BenchmarkSuite suite = BenchmarkSuite.read(Path.of("ml_models/datasets")).only(x -> !x.dataSet().equals("faults"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (var series : suite.series()) {
            futures.add(pool.submit(() -> replay(series, settings)));
        }
        Map<String, List<Outcome>> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < futures.size(); i++) {
            byCategory.computeIfAbsent(suite.series().get(i).category(), c -> new ArrayList<>()).add(futures.get(i).get());
        }
        pool.shutdown();
        System.out.println("category\tFP events without -> online -> again\twindows found without -> online -> again\tverdicts false_alarm / confirmed (online)");
        List<Outcome> all = new ArrayList<>();
        for (var e : byCategory.entrySet()) {
            print(e.getKey(), e.getValue());
            all.addAll(e.getValue());
        }
        print("all", all);
        for (int i = 0; i < all.size(); i++) {
            all.get(i).afterVerdict().forEach(System.out::println);
        }
        for (Outcome o : all) {
            if (o.with().detected() < o.without().detected()) {
                System.out.printf(Locale.ROOT, "%s\twindows lost online: %d of %d found without%n", o.without().key(),
                        o.without().detected() - o.with().detected(), o.without().detected());
            }
        }
        for (Outcome o : all) {
            if (o.again().detected() < o.without().detected() || o.again().fpEvents() != o.without().fpEvents()) {
                System.out.printf(Locale.ROOT, "%s\tagain: windows %d -> %d, FP %d -> %d%n", o.without().key(),
                        o.without().detected(), o.again().detected(), o.without().fpEvents(), o.again().fpEvents());
            }
        }
        Summary w = Summary.of(all.stream().map(Outcome::without).toList());
        Summary f = Summary.of(all.stream().map(Outcome::with).toList());
        Summary g = Summary.of(all.stream().map(Outcome::again).toList());
        System.out.printf(Locale.ROOT, "online: false-alarm events %d -> %d (%.0f %% fewer); windows found %d -> %d; event F1 (cap 12) %.3f -> %.3f%n",
                w.fpEvents(), f.fpEvents(), 100.0 * (w.fpEvents() - f.fpEvents()) / Math.max(1, w.fpEvents()), w.detected(), f.detected(),
                w.event().f1(), f.event().f1());
        System.out.printf(Locale.ROOT, "again:  false-alarm events %d -> %d (%.0f %% fewer); windows found %d -> %d; event F1 (cap 12) %.3f -> %.3f%n",
                w.fpEvents(), g.fpEvents(), 100.0 * (w.fpEvents() - g.fpEvents()) / Math.max(1, w.fpEvents()), w.detected(), g.detected(),
                w.event().f1(), g.event().f1());
    }

    static void print(String name, List<Outcome> outcomes) {
        Summary w = Summary.of(outcomes.stream().map(Outcome::without).toList());
        Summary f = Summary.of(outcomes.stream().map(Outcome::with).toList());
        Summary g = Summary.of(outcomes.stream().map(Outcome::again).toList());
        int fa = outcomes.stream().mapToInt(Outcome::verdictsFalse).sum();
        int co = outcomes.stream().mapToInt(Outcome::verdictsConfirmed).sum();
        System.out.printf(Locale.ROOT, "%s\t%d -> %d -> %d\t%d/%d -> %d/%d -> %d/%d\t%d / %d%n", name, w.fpEvents(), f.fpEvents(), g.fpEvents(), w.detected(), w.windows(),
                f.detected(), f.windows(), g.detected(), g.windows(), fa, co);
    }

    static Outcome replay(BenchmarkSuite.LabelledSeries series, DetectorSettings s) {
        int[] without = run(series, s, false, new int[2], new ArrayList<>(), null, null);
        int[] counts = new int[2];
        List<String> afterVerdict = new ArrayList<>();
        int[] with = run(series, s, true, counts, afterVerdict, null, null);
        List<Feedback> given = new ArrayList<>();
        run(series, s, true, new int[2], new ArrayList<>(), null, given);
        int[] again = run(series, s, false, new int[2], new ArrayList<>(), given, null);
        EventScorer scorer = new EventScorer(ScoringRules.capped());
        var t = series.table();
        return new Outcome(scorer.score(series.key(), t.timestamps(), series.windows(), without),
                scorer.score(series.key(), t.timestamps(), series.windows(), with),
                scorer.score(series.key(), t.timestamps(), series.windows(), again), counts[0], counts[1], afterVerdict);
    }

    /**
     * Alarm rows of one replay; with feedback, counts[0] false-alarm and counts[1] confirmed verdicts given, and in
     * {@code afterVerdict} the false-alarm verdict's pattern and that of every false alarm raised after it.
     */
    static int[] run(BenchmarkSuite.LabelledSeries series, DetectorSettings s, boolean feedback, int[] counts, List<String> afterVerdict,
                     List<Feedback> inForce, List<Feedback> given) {
        var t = series.table();
        int n = t.rows();
        int p = ScoringRules.nabProbationRows(n);
        List<Metric> metrics = new ArrayList<>(t.metrics());
        SeriesDetector d = new SeriesDetector(s, metrics, !t.singleMetric(), p);
        if (inForce != null && !inForce.isEmpty()) {
            List<String> unmatched = d.applyFeedback(inForce);
            if (!unmatched.isEmpty()) {
                throw new IllegalStateException(series.key() + ": verdicts without a pattern " + unmatched);
            }
        }
        double[][] cols = metrics.stream().map(m -> t.columns().get(m)).toArray(double[][]::new);
        double[] row = new double[metrics.size()];
        List<Integer> alarms = new ArrayList<>();
        List<Feedback> verdicts = new ArrayList<>();
        boolean falseGiven = false;
        Set<Integer> windowsConfirmed = new java.util.HashSet<>();
        int raisedRow = -1;
        Set<Metric> incidentMetrics = new LinkedHashSet<>();
        long startMilli = 0;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < row.length; m++) {
                row[m] = cols[m][i];
            }
            long ms = t.timestamps().get(i).toEpochMilli();
            RowResult r = d.next(ms, row);
            if (r.raised()) {
                alarms.add(i);
                raisedRow = i;
                startMilli = t.timestamps().get((int) Math.max(0, d.incidentStartRow())).toEpochMilli();
                incidentMetrics.clear();
            }
            for (Contributor c : r.contributors()) {
                incidentMetrics.add(Metric.fromKey(c.metric()).orElseThrow());
            }
            if (feedback && r.step() == IncidentStep.CLOSED && raisedRow >= 0 && raisedRow >= p) {
                int window = windowOf(series.windows(), t.timestamps().get(raisedRow));
                if (window < 0 && falseGiven) {
                    afterVerdict.add(series.key() + "\tlater false alarm raised " + t.timestamps().get(raisedRow) + "\t"
                            + String.join("; ", d.lastIncidentPattern()));
                } else if (window < 0) {
                    afterVerdict.add(series.key() + "\tfalse_alarm verdict on the one raised " + t.timestamps().get(raisedRow) + "\t"
                            + String.join("; ", d.lastIncidentPattern()));
                }
                Verdict v = null;
                if (window < 0 && !falseGiven) {
                    v = Verdict.FALSE_ALARM;
                    falseGiven = true;
                    counts[0]++;
                } else if (window >= 0 && windowsConfirmed.add(window)) {
                    v = Verdict.CONFIRMED;
                    counts[1]++;
                }
                if (v != null && !incidentMetrics.isEmpty()) {
                    verdicts.add(new Feedback("fb-" + verdicts.size(), series.key(), List.copyOf(incidentMetrics), Instant.ofEpochMilli(startMilli),
                            Instant.ofEpochMilli(ms), v, Instant.ofEpochMilli(ms)));
                    if (given == null) {
                        d.applyFeedback(verdicts);
                    } else {
                        // kept with the verdict, as the audit log keeps it; the detector itself is not told
                        Feedback f = verdicts.getLast();
                        d.verdictPattern(f.metrics(), f.from(), f.to()).ifPresent(pattern -> given.add(new Feedback(f.id(), f.host(),
                                f.metrics(), f.from(), f.to(), f.verdict(), f.given(), pattern)));
                    }
                }
                raisedRow = -1;
            }
        }
        return alarms.stream().mapToInt(Integer::intValue).toArray();
    }

    static int windowOf(List<LabelWindows.Window> windows, Instant t) {
        for (int w = 0; w < windows.size(); w++) {
            if (windows.get(w).contains(t)) {
                return w;
            }
        }
        return -1;
    }
}
