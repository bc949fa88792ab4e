package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
 * <p>Operator feedback ({@link #applyFeedback}, kept by {@link FeedbackMemory}): a false alarm tolerates, per metric and
 * feature side that flagged it, values up to its peak plus {@code feedback_margin} times the peak's excess over the
 * range it was measured against, in the feature's own units: the same pattern stays quiet even after the horizon has
 * forgotten it, a larger one still alarms, other features and metrics are untouched.
 *
 * <p>Why this class is long (about 400 lines): it is the order of one row's steps, and that order is the detector's
 * behaviour; the steps themselves live in {@link MetricTrack}, {@link IncidentTracker}, {@link FeatureStream},
 * {@link FeedbackMemory} and {@link Season}. What remains here is the state that must be saved and restored as one (see {@link #snapshot}).
 */
public final class SeriesDetector {

    /** Incidents remembered for feedback. */
    static final int REMEMBERED_INCIDENTS = 32;

    private final DetectorSettings settings;
    private final List<Metric> metrics;
    private final boolean hostUnits;
    private final int learningRows;
    private final StepEstimator step;
    private final MetricTrack[] tracks;
    private final IncidentTracker incidents;
    private final boolean[] inIncident;
    private final FeedbackMemory feedback;
    private int bandRun;
    /** Metrics clearly novel at some row of the open incident (the fault it is about). */
    private final boolean[] clearInIncident;
    /** Per metric outside that set: consecutive clearly novel rows while the incident's own are calm. */
    private final int[] newcomerRun;
    private long row;

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
        this.feedback = new FeedbackMemory(settings, this.metrics, hostUnits, tracks);
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
        this.feedback = new FeedbackMemory(settings, metrics, hostUnits, tracks, state, incidents.isOpen(), incidents.startRow());
        this.bandRun = state.bandRun();
        this.row = state.row();
    }

    /** The whole state, to persist or to put in a model file. */
    public DetectorState.Series snapshot() {
        DetectorState.Track[] t = new DetectorState.Track[tracks.length];
        for (int m = 0; m < t.length; m++) {
            t[m] = tracks[m].snapshot();
        }
        return new DetectorState.Series(metrics.stream().map(Metric::key).toArray(String[]::new), hostUnits, learningRows,
                step.snapshot(), t, incidents.snapshot(), inIncident.clone(),
                feedback.rememberedSnapshot(), feedback.openSnapshot(), feedback.effectsSnapshot(), bandRun, clearInIncident.clone(),
                newcomerRun.clone(), row);
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
        int newcomer = stepTaken == IncidentStep.ONGOING ? takeOver(effective) : -1;
        if (newcomer >= 0) {
            // another fault: a metric new to the incident is clearly novel while the incident's own have calmed down
            // (or only dip): the new record leads with it
            lead = newcomer;
            incidents.reraise(current);
            stepTaken = IncidentStep.RAISED;
            Arrays.fill(inIncident, false);
        }
        if (stepTaken == IncidentStep.RAISED) {
            startClearSet(effective, lead);
            for (int m = 0; m < tracks.length; m++) {
                if (tracks[m].novelty() >= settings.keepNovelty()) {
                    tracks[m].keepOutRecent(settings.confirmRows() + runBefore);
                }
            }
            feedback.raised(incidents.startRow(), epochMilli);
        }
        if (incidents.isOpen()) {
            for (int m = 0; m < tracks.length; m++) {
                if (tracks[m].novelty() >= settings.keepNovelty() && current >= learningRows) {
                    inIncident[m] = true;
                }
            }
            feedback.observe(epochMilli);
        } else {
            Arrays.fill(inIncident, false);
            if (stepTaken == IncidentStep.CLOSED) {
                feedback.closed();
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
        Severity severity = SeverityRule.of(best / settings.bandNovelty(), leading.deviation(), leading.metric(), leading.value(),
                leading.possible(leading.expected()), hostUnits);
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
     * The metric that begins another fault inside the open incident (-1: none; the most novel if several): one that was
     * not clearly novel in it so far has been clearly novel for {@code confirm_rows} rows in a row while none of the incident's clearly novel metrics still
     * held the incident ({@code keep_novelty}). A fault whose metrics move one after the other (a runaway process: CPU
     * first, then memory) stays one incident, and so does its aftermath (load jumping while memory is still coming back
     * after memory pressure), because the fault's own metric is still beyond its range when the next one moves; a second
     * fault after the first has calmed down is a new one. So is a metric rising while the incident is held only by
     * metrics below their range: a host gone quiet (CPU and load down) and a leak that starts during the lull are two
     * events, and the leak would otherwise never be raised.
     */
    private int takeOver(double[] effective) {
        boolean veteran = false;
        boolean veteranRising = false;
        for (int m = 0; m < tracks.length; m++) {
            boolean holds = clearInIncident[m] && effective[m] >= settings.keepNovelty();
            veteran |= holds;
            veteranRising |= holds && tracks[m].rising();
        }
        int takeOver = -1;
        for (int m = 0; m < tracks.length; m++) {
            if (clearInIncident[m] || effective[m] < settings.clearNovelty()) {
                newcomerRun[m] = 0;
            } else if (veteranRising || (veteran && !tracks[m].rising())) {
                clearInIncident[m] = true;     // joins a fault that is still clearly there
                newcomerRun[m] = 0;
            } else if (++newcomerRun[m] >= settings.confirmRows()) {
                takeOver = takeOver < 0 || effective[m] > effective[takeOver] ? m : takeOver;
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

    /**
     * Metrics that moved (novelty at the keep level, each feature beyond its range by at least the metric's smallest
     * meaningful change), most novel first, at most 3, each with what moved ({@link Explanation}). On the raising row
     * that is at least the leading metric; on later rows of the incident it may be none (the incident winds down).
     */
    private List<Contributor> contributors(double[] effective, int lead, boolean raising) {
        Integer[] order = new Integer[tracks.length];
        for (int m = 0; m < order.length; m++) {
            order[m] = m;
        }
        // the leading metric first (another fault's newcomer may be less novel than the lull it interrupts)
        Arrays.sort(order, Comparator.comparingInt((Integer m) -> raising && m == lead ? 0 : 1)
                .thenComparingDouble(m -> -effective[m]));
        List<Contributor> out = new ArrayList<>();
        for (int m : order) {
            if (out.size() < 3 && (effective[m] >= settings.keepNovelty() || (raising && out.isEmpty() && m == lead))) {
                MetricTrack t = tracks[m];
                double expected = Double.isNaN(t.expected()) ? t.value() : t.possible(t.expected());
                out.add(new Contributor(t.metric().key(), t.value(), round(expected), round(t.deviation()),
                        Explanation.of(t, hostUnits, settings, step.millis())));
            }
        }
        return out;
    }

    /** "cpu 97.0% (expected 20.0%-35.0% at this hour), load1 spiked to 3.20 (up to 0.60 before)". */
    private static String summary(List<Contributor> contributors) {
        return String.join(", ", contributors.stream().map(Contributor::explanation).toList());
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
        return feedback.lastIncidentPattern();
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
     * and the time range of a flagged anomaly; incidents of this series that overlap the range give the feature values
     * it tolerates or keeps abnormal, and a verdict already in force keeps them once its incident is forgotten.
     * Verdicts whose range matches no remembered incident change nothing and are reported back.
     *
     * @return the ids of verdicts that matched no remembered incident
     */
    public List<String> applyFeedback(List<Feedback> verdicts) {
        return feedback.apply(verdicts);
    }

    /**
     * What a verdict on {@code on} between {@code from} and {@code to} would act on, to be kept with the verdict
     * ({@link Feedback#pattern()}); empty when no remembered incident overlaps that range.
     */
    public java.util.Optional<VerdictPattern> verdictPattern(List<Metric> on, Instant from, Instant to) {
        return feedback.pattern(on, from.toEpochMilli(), to.toEpochMilli());
    }

    /** Bytes of state held by this series (for the per-host memory figure). */
    public long bytes() {
        long b = 512;
        for (MetricTrack t : tracks) {
            b += t.bytes();
        }
        return b + feedback.bytes();
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
