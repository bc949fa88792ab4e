package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The detector for one series (one host, or one NAB file), fed one row at a time, oldest first. It
 * learns on its first {@code learningRows} rows (features, baseline, forest, gate) and scores every later
 * row using only that row and earlier ones, so appending rows never changes an earlier verdict.
 *
 * <p>A row is anomalous when some feature is novel (beyond the fitted range and beyond the trailing range, in
 * robust scale units) by at least the clear-novelty level, or by at least the lower novelty threshold while the
 * isolation forest scores the row at or above the gate (the forest decides the borderline band); incidents
 * come from {@link IncidentTracker}, and an open incident gives way to a new one when a metric that was
 * not novel in it stays novel for {@code confirmRows} rows (a disk filling up during a CPU incident is a
 * second incident, not more of the first).
 */
public final class SeriesDetector {

    private final DetectorSettings settings;
    private final List<Metric> metrics;
    private final boolean hostUnits;
    private final int learningRows;
    private final FeatureWindow window;
    private final IncidentTracker incidents;
    private final List<double[]> learnFeatures = new ArrayList<>();
    private final List<double[]> learnValues = new ArrayList<>();
    private NoveltyTracker novelty;
    private SeriesModel model;
    private long row;
    /** Metrics novel at some row of the open incident; a new metric turning novel starts a new incident. */
    private final BitSet incidentMetrics = new BitSet();
    private int newMetricRun;

    /** A detector that learns on its first {@code learningRows} rows. */
    public SeriesDetector(DetectorSettings settings, List<Metric> metrics, boolean hostUnits, int learningRows) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics to watch");
        }
        if (learningRows < 2) {
            throw new IllegalArgumentException("at least 2 learning rows are needed, got " + learningRows);
        }
        this.settings = settings;
        this.metrics = List.copyOf(metrics);
        this.hostUnits = hostUnits;
        this.learningRows = learningRows;
        this.window = new FeatureWindow(metrics.size(), settings);
        this.incidents = new IncidentTracker(settings);
    }

    /** A detector that scores from its first row with a model fitted before (e.g. by {@code train}). */
    public SeriesDetector(DetectorSettings settings, SeriesModel fitted) {
        this.settings = settings;
        this.metrics = fitted.metrics();
        this.hostUnits = fitted.hostUnits();
        this.learningRows = 0;
        this.window = new FeatureWindow(metrics.size(), settings);
        this.incidents = new IncidentTracker(settings);
        this.model = fitted;
        this.novelty = new NoveltyTracker(metrics.size() * DetectorSettings.FEATURES_PER_METRIC,
                settings.noveltyHorizon(), settings.noveltyExclusion());
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public boolean scoring() {
        return model != null;
    }

    /** Rows seen so far. */
    public long rows() {
        return row;
    }

    public int learningRows() {
        return learningRows;
    }

    public Optional<SeriesModel> model() {
        return Optional.ofNullable(model);
    }

    /** Feeds the next row: one value per metric of {@link #metrics()} in that order, NaN when missing. */
    public RowResult next(double[] values) {
        if (values.length != metrics.size()) {
            throw new IllegalArgumentException("expected " + metrics.size() + " values, got " + values.length);
        }
        double[] raw = values.clone();
        double[] f = window.next(raw);
        long current = row++;
        if (model == null) {
            learnFeatures.add(f);
            learnValues.add(raw);
            if (learnFeatures.size() >= learningRows) {
                fit();
            }
            return new RowResult(current, false, 0, 0, Double.NaN, false, IncidentStep.QUIET, null, List.of());
        }
        double[] nov = new double[f.length];
        novelty.next(f, model.baseline(), nov);
        int top = 0;
        for (int j = 1; j < nov.length; j++) {
            if (nov[j] > nov[top]) {
                top = j;
            }
        }
        double e = nov[top];
        double isolation = model.forest().score(model.baseline().standardise(f));
        // the forest decides the borderline band: novelty in [threshold, clear) counts only when the row as a
        // whole is more isolated than the gate (by default: than every fitted row)
        boolean confirmed = isolation >= model.isolationGate();
        double threshold = confirmed ? settings.noveltyThreshold() : settings.clearNovelty();
        double rs = e / threshold;
        double score = rs / (1 + rs);
        boolean anomalous = e >= threshold;
        double r = e / settings.noveltyThreshold();
        IncidentStep step = incidents.next(current, anomalous);
        if (step == IncidentStep.RAISED) {
            incidentMetrics.clear();
            incidentMetrics.or(novelMetrics(nov, threshold));
            newMetricRun = 0;
        } else if (step == IncidentStep.ONGOING && anomalous) {
            BitSet now = novelMetrics(nov, threshold);
            BitSet fresh = (BitSet) now.clone();
            fresh.andNot(incidentMetrics);
            if (fresh.isEmpty()) {
                newMetricRun = 0;
            } else if (++newMetricRun >= incidents.confirmRows()) {
                // another metric has taken over for confirm_rows rows: a different incident, not a continuation
                incidents.reraise(current);
                step = IncidentStep.RAISED;
                incidentMetrics.clear();
                incidentMetrics.or(now);
                newMetricRun = 0;
            }
        } else if (step != IncidentStep.ONGOING) {
            newMetricRun = 0;
        }
        if (step != IncidentStep.RAISED && step != IncidentStep.ONGOING) {
            return new RowResult(current, true, score, e, isolation, anomalous, step, null, List.of());
        }
        List<Contributor> contributors = contributors(raw, f, nov);
        Contributor lead = contributors.getFirst();
        Metric leadMetric = Metric.fromKey(lead.metric()).orElseThrow();
        Severity severity = SeverityRule.of(r, lead.deviation(), leadMetric, lead.value(), hostUnits);
        return new RowResult(current, true, score, e, isolation, anomalous, step, severity, contributors);
    }

    /** Metrics with a feature novel by at least this row's threshold. */
    private static BitSet novelMetrics(double[] nov, double threshold) {
        BitSet out = new BitSet();
        for (int j = 0; j < nov.length; j++) {
            if (nov[j] >= threshold) {
                out.set(j / DetectorSettings.FEATURES_PER_METRIC);
            }
        }
        return out;
    }

    /** The expected value of metric {@code m} and the band around it at the latest row (needs a fitted model). */
    public ExpectedBand band(int m, java.time.Instant at, double value) {
        Baseline b = model.baseline();
        double expected = Double.isNaN(b.valueMedian()[m]) ? 0 : b.valueMedian()[m];
        double half = settings.clearNovelty() * b.valueScale()[m];
        return new ExpectedBand(metrics.get(m), at, value, expected, expected - half, expected + half, Season.NONE);
    }

    /** Metric {@code m}'s state: this detector has a fitted range, no seasons and no level shifts. */
    public HostState.MetricState metricState(int m) {
        return new HostState.MetricState(metrics.get(m), Season.NONE, null, false);
    }

    /** First anomalous row of the current (or last) incident. */
    public long incidentStartRow() {
        return incidents.startRow();
    }

    private void fit() {
        double[][] x = learnFeatures.toArray(double[][]::new);
        double[][] v = learnValues.toArray(double[][]::new);
        model = ModelFitter.fit(settings, metrics, hostUnits, x, v);
        novelty = new NoveltyTracker(x[0].length, settings.noveltyHorizon(), settings.noveltyExclusion());
        double[] ignored = new double[x[0].length];
        for (double[] f : x) {
            novelty.next(f, model.baseline(), ignored);  // the fitted rows are part of the trailing range
        }
        learnFeatures.clear();
        learnValues.clear();
    }

    /** Metrics ranked by novelty, then by distance from their baseline; those with novelty first, at most 3. */
    private List<Contributor> contributors(double[] raw, double[] f, double[] nov) {
        Baseline b = model.baseline();
        record Ranked(Contributor c, double novelty) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            double n = 0;
            for (int k = 0; k < DetectorSettings.FEATURES_PER_METRIC; k++) {
                n = Math.max(n, nov[m * DetectorSettings.FEATURES_PER_METRIC + k]);
            }
            double value = Double.isNaN(raw[m]) ? f[m * DetectorSettings.FEATURES_PER_METRIC] : raw[m];
            if (Double.isNaN(value) || Double.isNaN(b.valueMedian()[m])) {
                continue;
            }
            double deviation = (value - b.valueMedian()[m]) / b.valueScale()[m];
            ranked.add(new Ranked(new Contributor(metrics.get(m).key(), value, b.valueMedian()[m], round(deviation)), n));
        }
        ranked.sort(Comparator.comparingDouble((Ranked x) -> -x.novelty())
                .thenComparingDouble(x -> -Math.abs(x.c().deviation())));
        List<Contributor> out = new ArrayList<>();
        for (Ranked x : ranked) {
            if (out.isEmpty() || (x.novelty() > 0 && out.size() < 3)) {
                out.add(x.c());
            }
        }
        if (out.isEmpty()) {
            int m = 0;
            out.add(new Contributor(metrics.get(m).key(), raw[m], b.valueMedian()[m], 0));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public String toString() {
        return "SeriesDetector" + Arrays.toString(metrics.toArray()) + (model == null ? " learning" : " scoring");
    }
}
