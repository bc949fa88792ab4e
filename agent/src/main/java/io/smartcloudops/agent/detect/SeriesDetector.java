package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The detector for one series (one host, or one NAB file), fed one row at a time, oldest first, and learning all the
 * time: every later verdict uses only that row and earlier ones, so appending rows never changes an earlier verdict.
 * The first {@code learningRows} rows raise nothing.
 *
 * <p>Per metric a {@link MetricTrack} says how novel the row is (its features beyond their trailing ranges, on raw
 * values or on residuals from the daily or weekly profile it follows). The row's novelty is the largest over the
 * metrics, after operator feedback. A row counts towards an incident when its novelty reaches {@code clear_novelty},
 * or {@code band_novelty} for {@code band_confirm_rows} rows in a row covering {@code band_confirm_seconds} (a borderline
 * deviation that lasts); an incident
 * ({@link IncidentTracker}) is raised after {@code confirm_rows} such rows and stays open while the novelty holds at
 * {@code keep_novelty} (one fault, one record: metrics that move later join it). Metrics of an open incident are frozen:
 * their profiles and scales learn nothing for up to {@code adopt_rows} rows, after which what they show is learned as
 * the new normal.
 *
 * <p>Operator feedback ({@link #applyFeedback}): every incident keeps, per metric and side of a feature that flagged
 * it, the peak feature value and the range edge it was measured against when it was raised. A false alarm then
 * tolerates, in the feature's own units, values up to that peak plus {@code feedback_margin} times its excess over
 * the edge: the same pattern stays quiet even after the horizon has forgotten the flagged rows, a larger one alarms as
 * before, and other features and metrics are untouched. A confirmation caps what false-alarm verdicts may tolerate
 * at its edge plus band / clear of its excess, so a pattern as large as the confirmed one alarms again.
 *
 * <p>Why this class is long (about 500 lines): it is the order of one row's steps, and that order is the detector's
 * behaviour; the steps themselves live in {@link MetricTrack}, {@link IncidentTracker}, {@link FeatureStream} and
 * {@link Season}. What remains here is the state that must be saved and restored as one (see {@link #snapshot}).
 */
public final class SeriesDetector {

    /** Incidents remembered for feedback. */
    static final int REMEMBERED_INCIDENTS = 32;
    /** The edges and peaks of a metric that flagged nothing (shared: most metrics of most incidents). */
    private static final float[] NO_SLOTS = new float[0];

    private final DetectorSettings settings;
    private final List<Metric> metrics;
    private final boolean hostUnits;
    private final int learningRows;
    private final StepEstimator step;
    private final MetricTrack[] tracks;
    private final IncidentTracker incidents;
    private final boolean[] inIncident;
    private final ArrayDeque<Evidence> remembered = new ArrayDeque<>();
    private final List<Effect> effects = new ArrayList<>();
    private Evidence open;
    private int bandRun;
    /** Metrics clearly novel at some row of the open incident (the fault it is about). */
    private final boolean[] clearInIncident;
    /** Per metric outside that set: consecutive clearly novel rows while the incident's own are calm. */
    private final int[] newcomerRun;
    private long row;

    /**
     * What one incident looked like, for feedback: its time range and per metric and {@link MetricTrack#SLOTS slot} the
     * range edge when it was raised and the peak feature value of the side while it flagged (NaN: it did not). Once the
     * incident is over, a metric none of whose sides flagged keeps empty arrays.
     */
    private record Evidence(long startRow, long startMilli, long[] endMilli, float[][] edges, float[][] peaks) {
    }

    /** A verdict as it acts on this series: the edges and peaks of the incidents it names, per metric and slot. */
    private record Effect(String id, Verdict verdict, float[][] edges, float[][] peaks) {
    }

    public SeriesDetector(DetectorSettings settings, List<Metric> metrics, boolean hostUnits, int learningRows) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics to watch");
        }
        if (learningRows < 0) {
            throw new IllegalArgumentException("learning rows must be 0 or more, got " + learningRows);
        }
        this.settings = settings;
        this.metrics = List.copyOf(metrics);
        this.hostUnits = hostUnits;
        this.learningRows = learningRows;
        this.step = new StepEstimator();
        this.tracks = new MetricTrack[metrics.size()];
        for (int m = 0; m < tracks.length; m++) {
            tracks[m] = new MetricTrack(settings, metrics.get(m), hostUnits);
        }
        this.incidents = new IncidentTracker(settings);
        this.inIncident = new boolean[tracks.length];
        this.clearInIncident = new boolean[tracks.length];
        this.newcomerRun = new int[tracks.length];
    }

    /** A detector that goes on exactly where the one that wrote {@code state} stopped. */
    public SeriesDetector(DetectorSettings settings, DetectorState.Series state) {
        this.settings = settings;
        this.metrics = java.util.Arrays.stream(state.metrics()).map(k -> Metric.fromKey(k).orElseThrow()).toList();
        this.hostUnits = state.hostUnits();
        this.learningRows = state.learningRows();
        this.step = StepEstimator.restore(state.step());
        this.tracks = new MetricTrack[metrics.size()];
        for (int m = 0; m < tracks.length; m++) {
            tracks[m] = MetricTrack.restore(settings, state.tracks()[m]);
        }
        this.incidents = new IncidentTracker(settings);
        this.incidents.restore(state.incidents());
        this.inIncident = state.inIncident().clone();
        this.clearInIncident = state.clearInIncident().clone();
        this.newcomerRun = state.newcomerRun().clone();
        // a state of a build before feedback kept feature values has no edges or peaks: its feedback part is left out
        for (DetectorState.Evidence e : state.remembered()) {
            if (!e.legacy()) {
                remembered.addLast(evidence(e));
            }
        }
        if (state.open() != null) {
            this.open = state.open().legacy() ? emptyEvidence(state.open().startRow(), state.open().startMilli())
                    : evidence(state.open());
            open.endMilli()[0] = state.open().endMilli();
        } else if (incidents.isOpen()) {
            this.open = emptyEvidence(incidents.startRow(), Long.MIN_VALUE);
        }
        for (DetectorState.Effect e : state.effects()) {
            if (!e.legacy()) {
                effects.add(new Effect(e.id(), Verdict.values()[e.verdict()], copy(e.edges()), copy(e.peaks())));
            }
        }
        recomputeTolerance();
        this.bandRun = state.bandRun();
        this.row = state.row();
    }

    private static Evidence evidence(DetectorState.Evidence e) {
        return new Evidence(e.startRow(), e.startMilli(), new long[] {e.endMilli()}, copy(e.edges()), copy(e.peaks()));
    }

    private Evidence emptyEvidence(long startRow, long startMilli) {
        float[][] edges = new float[tracks.length][MetricTrack.SLOTS];
        float[][] peaks = new float[tracks.length][MetricTrack.SLOTS];
        for (int m = 0; m < tracks.length; m++) {
            Arrays.fill(edges[m], Float.NaN);
            Arrays.fill(peaks[m], Float.NaN);
        }
        return new Evidence(startRow, startMilli, new long[] {startMilli}, edges, peaks);
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].length == 0 ? NO_SLOTS : a[i].clone();
        }
        return c;
    }

    private static DetectorState.Evidence snapshot(Evidence e) {
        return new DetectorState.Evidence(e.startRow(), e.startMilli(), e.endMilli()[0], copy(e.edges()), copy(e.peaks()));
    }

    /** The whole state, to persist or to put in a model file. */
    public DetectorState.Series snapshot() {
        DetectorState.Track[] t = new DetectorState.Track[tracks.length];
        for (int m = 0; m < t.length; m++) {
            t[m] = tracks[m].snapshot();
        }
        return new DetectorState.Series(metrics.stream().map(Metric::key).toArray(String[]::new), hostUnits, learningRows,
                step.snapshot(), t, incidents.snapshot(), inIncident.clone(),
                remembered.stream().map(SeriesDetector::snapshot).toArray(DetectorState.Evidence[]::new),
                open == null ? null : snapshot(open),
                effects.stream().map(e -> new DetectorState.Effect(e.id(), e.verdict().ordinal(), copy(e.edges()), copy(e.peaks())))
                        .toArray(DetectorState.Effect[]::new), bandRun, clearInIncident.clone(), newcomerRun.clone(), row);
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public DetectorSettings settings() {
        return settings;
    }

    /** Past the learning rows: rows may raise incidents. */
    public boolean scoring() {
        return row >= learningRows;
    }

    /** Rows seen so far. */
    public long rows() {
        return row;
    }

    public int learningRows() {
        return learningRows;
    }

    /** The sampling interval in milliseconds (NaN until enough timestamps were seen). */
    public double stepMillis() {
        return step.millis();
    }

    /**
     * Feeds the next row: its timestamp (epoch milliseconds) and one value per metric of {@link #metrics()} in that order
     * (NaN when missing).
     */
    public RowResult next(long epochMilli, double[] values) {
        if (values.length != tracks.length) {
            throw new IllegalArgumentException("expected " + tracks.length + " values, got " + values.length);
        }
        step.add(epochMilli);
        long current = row++;
        boolean wasOpen = incidents.isOpen();
        boolean freezeAllowed = wasOpen && incidents.openRows() < settings.adoptRows();
        double best = 0;
        int lead = 0;
        double[] effective = new double[tracks.length];
        for (int m = 0; m < tracks.length; m++) {
            tracks[m].next(epochMilli, values[m], step.millis(), freezeAllowed && inIncident[m]);
            effective[m] = tracks[m].novelty();
            if (effective[m] > best) {
                best = effective[m];
                lead = m;
            }
        }
        if (current < learningRows) {
            best = 0;
        }
        boolean anomalous = best >= settings.clearNovelty();
        if (!wasOpen && !anomalous && best >= settings.bandNovelty()) {
            bandRun++;
            anomalous = bandRun >= settings.bandConfirmRows() && bandLasted();
        }
        if (best < settings.bandNovelty()) {
            bandRun = 0;
        }
        boolean holding = best >= settings.keepNovelty();
        int runBefore = bandRun;
        IncidentStep stepTaken = incidents.next(current, anomalous, holding);
        if (stepTaken == IncidentStep.ONGOING && takeOver(effective)) {
            // another fault: a metric new to the incident is clearly novel while the incident's own have calmed down
            incidents.reraise(current);
            stepTaken = IncidentStep.RAISED;
            remember(open);
            Arrays.fill(inIncident, false);
        }
        if (stepTaken == IncidentStep.RAISED) {
            startClearSet(effective, lead);
            for (int m = 0; m < tracks.length; m++) {
                if (tracks[m].novelty() >= settings.keepNovelty()) {
                    tracks[m].keepOutRecent(settings.confirmRows() + runBefore);
                }
            }
            open = emptyEvidence(incidents.startRow(), epochMilli);
            for (int m = 0; m < tracks.length; m++) {
                tracks[m].edges(open.edges()[m]);
            }
        }
        if (incidents.isOpen()) {
            for (int m = 0; m < tracks.length; m++) {
                if (tracks[m].novelty() >= settings.keepNovelty() && current >= learningRows) {
                    inIncident[m] = true;
                }
                tracks[m].widenPeaks(open.edges()[m], open.peaks()[m], settings.bandNovelty());
            }
            open.endMilli()[0] = epochMilli;
        } else {
            Arrays.fill(inIncident, false);
            if (stepTaken == IncidentStep.CLOSED && open != null) {
                remember(open);
                open = null;
            }
        }
        double r = best / settings.bandNovelty();
        double score = r / (1 + r);
        if (stepTaken != IncidentStep.RAISED && stepTaken != IncidentStep.ONGOING) {
            return new RowResult(current, scoring(), score, best, anomalous, stepTaken, null, List.of(), "");
        }
        List<Contributor> contributors = contributors(effective, lead, stepTaken == IncidentStep.RAISED);
        if (contributors.isEmpty()) {
            return new RowResult(current, scoring(), score, best, anomalous, stepTaken, null, List.of(), "");
        }
        MetricTrack leading = tracks[metrics.indexOf(Metric.fromKey(contributors.getFirst().metric()).orElseThrow())];
        Severity severity = SeverityRule.of(best / settings.bandNovelty(), leading.deviation(), leading.metric(),
                leading.value(), hostUnits);
        return new RowResult(current, scoring(), score, best, anomalous, stepTaken, severity, contributors, summary(contributors));
    }

    /**
     * Whether the borderline run covers {@code band_confirm_seconds} at the series' sampling interval (rows x interval, so
     * a single row of a 5-minute series covers 45 seconds and a 5-second host needs 9 rows); true while the interval is
     * not known yet.
     */
    private boolean bandLasted() {
        double interval = step.millis();
        return Double.isNaN(interval) || bandRun * interval >= settings.bandConfirmSeconds() * 1000;
    }

    /**
     * Whether another fault has begun inside the open incident: a metric that was not clearly novel in it so far has
     * been clearly novel for {@code confirm_rows} rows in a row while none of the incident's clearly novel metrics still
     * held the incident ({@code keep_novelty}). A fault whose metrics move one after the other (a runaway process: CPU
     * first, then memory) stays one incident, and so does its aftermath (load jumping while memory is still coming back
     * after memory pressure), because the fault's own metric is still beyond its range when the next one moves; a second
     * fault after the first has calmed down is a new one.
     */
    private boolean takeOver(double[] effective) {
        boolean veteran = false;
        for (int m = 0; m < tracks.length; m++) {
            veteran |= clearInIncident[m] && effective[m] >= settings.keepNovelty();
        }
        boolean takeOver = false;
        for (int m = 0; m < tracks.length; m++) {
            if (clearInIncident[m] || effective[m] < settings.clearNovelty()) {
                newcomerRun[m] = 0;
            } else if (veteran) {
                clearInIncident[m] = true;     // joins a fault that is still clearly there
                newcomerRun[m] = 0;
            } else if (++newcomerRun[m] >= settings.confirmRows()) {
                takeOver = true;
            }
        }
        return takeOver;
    }

    /** The metrics clearly novel on the raising row (at least the leading one) start the incident's own set. */
    private void startClearSet(double[] effective, int lead) {
        for (int m = 0; m < tracks.length; m++) {
            clearInIncident[m] = effective[m] >= settings.clearNovelty() || newcomerRun[m] >= settings.confirmRows() || m == lead;
            newcomerRun[m] = 0;
        }
    }

    /** Keeps a finished incident, its metrics that flagged nothing without edges and peaks. */
    private void remember(Evidence e) {
        for (int m = 0; m < tracks.length; m++) {
            boolean flagged = false;
            for (float p : e.peaks()[m]) {
                flagged |= !Float.isNaN(p);
            }
            if (!flagged) {
                e.edges()[m] = NO_SLOTS;
                e.peaks()[m] = NO_SLOTS;
            }
        }
        remembered.addLast(e);
        while (remembered.size() > REMEMBERED_INCIDENTS) {
            remembered.removeFirst();
        }
    }

    /**
     * Metrics that moved (novelty at the keep level), most novel first, at most 3. On the raising row that is at least
     * the leading metric; on later rows of the incident it may be none (the incident winds down).
     */
    private List<Contributor> contributors(double[] effective, int lead, boolean raising) {
        Integer[] order = new Integer[tracks.length];
        for (int m = 0; m < order.length; m++) {
            order[m] = m;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer m) -> -effective[m]));
        List<Contributor> out = new ArrayList<>();
        for (int m : order) {
            if (out.size() < 3 && (effective[m] >= settings.keepNovelty() || (raising && out.isEmpty() && m == lead))) {
                MetricTrack t = tracks[m];
                double expected = Double.isNaN(t.expected()) ? t.value() : t.possible(t.expected());
                out.add(new Contributor(t.metric().key(), t.value(), round(expected), round(t.deviation())));
            }
        }
        return out;
    }

    /** "cpu 97.0% (expected 20.0-35.0% at this hour), load1 3.20 (expected 0.30-0.60)". */
    private String summary(List<Contributor> contributors) {
        List<String> parts = new ArrayList<>();
        for (Contributor c : contributors) {
            Metric m = Metric.fromKey(c.metric()).orElseThrow();
            MetricTrack t = tracks[metrics.indexOf(m)];
            double[] usual = t.usualRange();
            String v = hostUnits ? m.format(c.value()) : number(c.value());
            if (usual == null) {
                parts.add(c.metric() + " " + v);
                continue;
            }
            String lo = hostUnits ? m.format(usual[0]) : number(usual[0]);
            String hi = hostUnits ? m.format(usual[1]) : number(usual[1]);
            String when = switch (t.season()) {
                case NONE -> "";
                case DAILY -> " at this hour";
                case WEEKLY -> " at this time of the week";
            };
            parts.add(c.metric() + " " + v + " (expected " + lo + "-" + hi + when + ")");
        }
        return String.join(", ", parts);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return a >= 1e5 || (a > 0 && a < 1e-2) ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }

    /**
     * What the last finished incident flagged, one line per metric and feature side, with the range edge when it was
     * raised and the peak: {@code "cpu level up (values) 20.1 -> 32.4"} (residuals: from the season's expectation). For
     * benchmarks and diagnostics: this is what a false-alarm verdict on it would tolerate.
     */
    public List<String> lastIncidentPattern() {
        List<String> out = new ArrayList<>();
        Evidence e = remembered.peekLast();
        if (e == null) {
            return out;
        }
        String[] features = {"spike", "level", "spread", "dip"};
        for (int m = 0; m < tracks.length; m++) {
            for (int k = 0; k < e.peaks()[m].length; k++) {
                if (!Float.isNaN(e.peaks()[m][k])) {
                    out.add(String.format(Locale.ROOT, "%s %s %s (%s) %.4g -> %.4g", hostUnits ? metrics.get(m).key() : "value",
                            features[(k % FeatureStream.SIDES) / 2], k % 2 == 0 ? "up" : "down",
                            k < FeatureStream.SIDES ? "values" : "residuals", e.edges()[m][k], e.peaks()[m][k]));
                }
            }
        }
        return out;
    }

    /** First anomalous row of the current (or last) incident. */
    public long incidentStartRow() {
        return incidents.startRow();
    }

    /** The expected value of metric {@code m} and the band around it at the latest row; empty while it is not ready. */
    public java.util.Optional<ExpectedBand> band(int m, Instant at) {
        MetricTrack t = tracks[m];
        double[] b = t.band();
        if (b == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ExpectedBand(t.metric(), at, t.value(), t.possible(t.expected()), b[0], b[1],
                t.season()));
    }

    /** Metric {@code m}'s state: the cycle it follows and its last level shift. */
    public HostState.MetricState metricState(int m) {
        MetricTrack t = tracks[m];
        return new HostState.MetricState(t.metric(), t.season(), t.lastLevelShift(), t.levelJustShifted());
    }

    /** Whether metric {@code m} has enough history to be judged. */
    public boolean ready(int m) {
        return tracks[m].ready();
    }

    /**
     * Applies the verdicts in force (all of them, so an undone verdict is simply left out): each names the metrics
     * and the time range of a flagged anomaly; incidents of this series that overlap the range give the peaks.
     * Verdicts whose range matches no remembered incident change nothing and are reported back.
     *
     * @return the ids of verdicts that matched no remembered incident
     */
    public List<String> applyFeedback(List<Feedback> verdicts) {
        List<String> unmatched = new ArrayList<>();
        List<Effect> before = List.copyOf(effects);
        effects.clear();
        for (Feedback f : verdicts) {
            // a verdict already in force keeps what it acts on, even once its incident is no longer remembered
            Effect kept = before.stream().filter(e -> e.id().equals(f.id()) && e.verdict() == f.verdict()).findFirst().orElse(null);
            if (kept != null) {
                effects.add(kept);
                continue;
            }
            float[][] edges = new float[tracks.length][];
            float[][] peaks = new float[tracks.length][];
            Arrays.fill(edges, NO_SLOTS);
            Arrays.fill(peaks, NO_SLOTS);
            boolean matched = false;
            List<Evidence> all = new ArrayList<>(remembered);
            if (open != null) {
                all.add(open);
            }
            for (Evidence e : all) {
                if (e.startMilli() > f.to().toEpochMilli() || e.endMilli()[0] < f.from().toEpochMilli()) {
                    continue;
                }
                for (Metric metric : f.metrics()) {
                    int m = metrics.indexOf(metric);
                    if (m < 0) {
                        continue;
                    }
                    matched = true;
                    merge(e, m, edges, peaks);
                }
            }
            if (matched) {
                effects.add(new Effect(f.id(), f.verdict(), edges, peaks));
            } else {
                unmatched.add(f.id());
            }
        }
        recomputeTolerance();
        return unmatched;
    }

    /** Takes, per slot of metric {@code m}, the incident's peak and edge where its peak lies further out. */
    private static void merge(Evidence e, int m, float[][] edges, float[][] peaks) {
        float[] p = e.peaks()[m];
        if (p.length == 0) {
            return;
        }
        if (peaks[m].length == 0) {
            edges[m] = new float[MetricTrack.SLOTS];
            peaks[m] = new float[MetricTrack.SLOTS];
            Arrays.fill(edges[m], Float.NaN);
            Arrays.fill(peaks[m], Float.NaN);
        }
        for (int k = 0; k < MetricTrack.SLOTS; k++) {
            if (Float.isNaN(p[k]) || Float.isNaN(e.edges()[m][k])) {
                continue;
            }
            boolean upwards = k % 2 == 0;
            float cur = peaks[m][k];
            if (Float.isNaN(cur) || (upwards ? p[k] > cur : p[k] < cur)) {
                peaks[m][k] = p[k];
                edges[m][k] = e.edges()[m][k];
            }
        }
    }

    /**
     * Per metric and slot: false alarms tolerate their peak plus {@code feedback_margin} times its excess over the edge
     * (the furthest of them), confirmations cap that at their edge plus band / clear of their excess (the nearest).
     */
    private void recomputeTolerance() {
        double[] tol = new double[MetricTrack.SLOTS];
        double[] cap = new double[MetricTrack.SLOTS];
        for (int m = 0; m < tracks.length; m++) {
            Arrays.fill(tol, Double.NaN);
            Arrays.fill(cap, Double.NaN);
            for (Effect e : effects) {
                float[] peak = e.peaks()[m];
                for (int k = 0; k < peak.length; k++) {
                    double p = peak[k];
                    double edge = e.edges()[m][k];
                    if (Double.isNaN(p) || Double.isNaN(edge)) {
                        continue;     // this side did not flag it: not part of the pattern
                    }
                    boolean upwards = k % 2 == 0;
                    double excess = p - edge;
                    if (upwards ? excess <= 0 : excess >= 0) {
                        continue;
                    }
                    if (e.verdict() == Verdict.FALSE_ALARM) {
                        tol[k] = further(tol[k], p + settings.feedbackMargin() * excess, upwards);
                    } else {
                        double c = edge + excess * settings.bandNovelty() / settings.clearNovelty();
                        cap[k] = Double.isNaN(cap[k]) || (upwards ? c < cap[k] : c > cap[k]) ? c : cap[k];
                    }
                }
            }
            for (int k = 0; k < MetricTrack.SLOTS; k++) {
                if (!Double.isNaN(tol[k]) && !Double.isNaN(cap[k]) && (k % 2 == 0 ? cap[k] < tol[k] : cap[k] > tol[k])) {
                    tol[k] = cap[k];
                }
            }
            tracks[m].tolerate(tol);
        }
    }

    private static double further(double a, double b, boolean upwards) {
        return Double.isNaN(a) ? b : upwards ? Math.max(a, b) : Math.min(a, b);
    }

    /** Bytes of state held by this series (for the per-host memory figure). */
    public long bytes() {
        long b = 512;
        for (MetricTrack t : tracks) {
            b += t.bytes();
        }
        List<float[][]> held = new ArrayList<>();
        for (Evidence e : remembered) {
            held.add(e.edges());
            held.add(e.peaks());
        }
        if (open != null) {
            held.add(open.edges());
            held.add(open.peaks());
        }
        for (Effect e : effects) {
            held.add(e.edges());
            held.add(e.peaks());
        }
        for (float[][] a : held) {
            b += 16 + 4L * a.length;
            for (float[] x : a) {
                b += x.length == 0 ? 0 : 16 + 4L * x.length;
            }
        }
        return b + 64L * (remembered.size() + effects.size() + 1);
    }

    /** Bytes of the seasonal part (profiles and residual streams). */
    public long seasonalBytes() {
        long b = 0;
        for (MetricTrack t : tracks) {
            b += t.seasonalBytes();
        }
        return b;
    }

    @Override
    public String toString() {
        return "SeriesDetector" + metrics + (scoring() ? " scoring" : " learning");
    }
}
