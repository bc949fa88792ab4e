package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one series' detector keeps for operator feedback: the open incident and the last
 * {@link SeriesDetector#REMEMBERED_INCIDENTS} finished ones, each with per metric and {@link MetricTrack#SLOTS slot}
 * (a feature side of the values or of the residuals) the range edge when it was raised and the peak feature value while
 * that side flagged it; and the verdicts in force with what they act on.
 *
 * <p>A false alarm tolerates, per slot it flagged, values up to its peak plus {@code feedback_margin} times the peak's
 * excess over the edge: in the feature's own units and measured from the range before the incident, while the slot's
 * range reaches at least that edge minus the excess (the level the verdict was given at); a pattern up to that size
 * stays quiet, a larger one is judged against the usual range ({@link MetricTrack#tolerate}). A verdict in force keeps
 * what it acts on after the horizon and this memory have forgotten its incident. A confirmed pattern that a false
 * alarm's tolerance would swallow limits that tolerance, so a pattern as large as the confirmed one alarms again.
 */
final class FeedbackMemory {

    /** The edges and peaks of a metric that flagged nothing (shared: most metrics of most incidents). */
    private static final float[] NO_SLOTS = new float[0];

    /** One incident: its time range and, per metric, the edges and peaks of its slots (NaN: the slot did not flag it). */
    private record Evidence(long startRow, long startMilli, long[] endMilli, float[][] edges, float[][] peaks) {
    }

    /** A verdict as it acts on this series: the edges and peaks of the incidents it names, per metric and slot. */
    private record Effect(String id, Verdict verdict, float[][] edges, float[][] peaks) {
    }

    private final DetectorSettings settings;
    private final List<Metric> metrics;
    private final boolean hostUnits;
    private final MetricTrack[] tracks;
    private final ArrayDeque<Evidence> remembered = new ArrayDeque<>();
    private final List<Effect> effects = new ArrayList<>();
    private Evidence open;

    FeedbackMemory(DetectorSettings settings, List<Metric> metrics, boolean hostUnits, MetricTrack[] tracks) {
        this.settings = settings;
        this.metrics = metrics;
        this.hostUnits = hostUnits;
        this.tracks = tracks;
    }

    /**
     * Goes on from a saved state. A state of a build before verdicts were kept in feature values has no edges or peaks:
     * its remembered incidents and verdicts are left out, and an incident open then goes on without evidence from before.
     */
    FeedbackMemory(DetectorSettings settings, List<Metric> metrics, boolean hostUnits, MetricTrack[] tracks, DetectorState.Series state,
                   boolean incidentOpen, long incidentStartRow) {
        this(settings, metrics, hostUnits, tracks);
        for (DetectorState.Evidence e : state.remembered()) {
            if (!e.legacy()) {
                remembered.addLast(evidence(e));
            }
        }
        if (state.open() != null) {
            open = state.open().legacy() ? empty(state.open().startRow(), state.open().startMilli()) : evidence(state.open());
            open.endMilli()[0] = state.open().endMilli();
        } else if (incidentOpen) {
            open = empty(incidentStartRow, Long.MIN_VALUE);
        }
        for (DetectorState.Effect e : state.effects()) {
            if (!e.legacy()) {
                effects.add(new Effect(e.id(), Verdict.values()[e.verdict()], copy(e.edges()), copy(e.peaks())));
            }
        }
        recomputeTolerance();
    }

    /** An incident was raised (a new one, or another fault inside the open one): its evidence starts with today's edges. */
    void raised(long startRow, long startMilli) {
        if (open != null) {
            remember(open);
        }
        open = empty(startRow, startMilli);
        for (int m = 0; m < tracks.length; m++) {
            tracks[m].edges(open.edges()[m]);
        }
    }

    /** A row of the open incident: the slots that flag it widen its peaks. */
    void observe(long epochMilli) {
        for (int m = 0; m < tracks.length; m++) {
            tracks[m].widenPeaks(open.edges()[m], open.peaks()[m], settings.bandNovelty());
        }
        open.endMilli()[0] = epochMilli;
    }

    /** The open incident ended. */
    void closed() {
        if (open != null) {
            remember(open);
            open = null;
        }
    }

    private Evidence empty(long startRow, long startMilli) {
        float[][] edges = new float[tracks.length][MetricTrack.SLOTS];
        float[][] peaks = new float[tracks.length][MetricTrack.SLOTS];
        for (int m = 0; m < tracks.length; m++) {
            Arrays.fill(edges[m], Float.NaN);
            Arrays.fill(peaks[m], Float.NaN);
        }
        return new Evidence(startRow, startMilli, new long[] {startMilli}, edges, peaks);
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
        while (remembered.size() > SeriesDetector.REMEMBERED_INCIDENTS) {
            remembered.removeFirst();
        }
    }

    /**
     * Puts {@code verdicts} in force (all of them: one left out is undone). A verdict already in force keeps what it acts
     * on; a new one takes the edges and peaks of the remembered incidents that overlap its range, for its metrics, or,
     * when none does, those of the pattern kept with it (a host learned again since).
     *
     * @return the ids of verdicts that matched no remembered incident and carry no pattern for these metrics (they change
     *         nothing)
     */
    List<String> apply(List<Feedback> verdicts) {
        List<String> unmatched = new ArrayList<>();
        List<Effect> before = List.copyOf(effects);
        effects.clear();
        for (Feedback f : verdicts) {
            Effect kept = before.stream().filter(e -> e.id().equals(f.id()) && e.verdict() == f.verdict()).findFirst().orElse(null);
            if (kept != null) {
                effects.add(kept);
                continue;
            }
            float[][][] found = remembered(f.metrics(), f.from().toEpochMilli(), f.to().toEpochMilli());
            if (found == null && f.pattern() != null) {
                found = fromPattern(f.pattern());
            }
            if (found != null) {
                effects.add(new Effect(f.id(), f.verdict(), found[0], found[1]));
            } else {
                unmatched.add(f.id());
            }
        }
        recomputeTolerance();
        return unmatched;
    }

    /** What a verdict on {@code metrics} between the two times would act on, as it would be kept with the verdict. */
    Optional<VerdictPattern> pattern(List<Metric> on, long fromMilli, long toMilli) {
        float[][][] found = remembered(on, fromMilli, toMilli);
        if (found == null) {
            return Optional.empty();
        }
        List<VerdictPattern.Side> sides = new ArrayList<>();
        for (int m = 0; m < tracks.length; m++) {
            for (int k = 0; k < found[1][m].length; k++) {
                float edge = found[0][m][k];
                float peak = found[1][m][k];
                if (!Float.isNaN(edge) && !Float.isNaN(peak) && VerdictPattern.name(k) != null
                        && (upwards(k) ? peak > edge : peak < edge)) {
                    sides.add(new VerdictPattern.Side(metrics.get(m), k, edge, peak));
                }
            }
        }
        return sides.isEmpty() ? Optional.empty() : Optional.of(new VerdictPattern(sides));
    }

    /**
     * The edges and peaks (index 0 and 1, then per metric and slot) of the remembered incidents, the open one included,
     * that overlap the range, for those of {@code on} this series has; null when none does.
     */
    private float[][][] remembered(List<Metric> on, long fromMilli, long toMilli) {
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
            if (e.startMilli() > toMilli || e.endMilli()[0] < fromMilli) {
                continue;
            }
            for (Metric metric : on) {
                int m = metrics.indexOf(metric);
                if (m >= 0) {
                    matched = true;
                    merge(e, m, edges, peaks);
                }
            }
        }
        return matched ? new float[][][] {edges, peaks} : null;
    }

    /** A kept pattern's sides, for the metrics this series has; null when it has none of them. */
    private float[][][] fromPattern(VerdictPattern pattern) {
        float[][] edges = new float[tracks.length][];
        float[][] peaks = new float[tracks.length][];
        Arrays.fill(edges, NO_SLOTS);
        Arrays.fill(peaks, NO_SLOTS);
        boolean matched = false;
        for (VerdictPattern.Side s : pattern.sides()) {
            int m = metrics.indexOf(s.metric());
            if (m < 0) {
                continue;
            }
            slotsOf(m, edges, peaks);
            edges[m][s.slot()] = s.edge();
            peaks[m][s.slot()] = s.peak();
            matched = true;
        }
        return matched ? new float[][][] {edges, peaks} : null;
    }

    /** Takes, per slot of metric {@code m}, the incident's peak and edge where its peak lies further out. */
    private static void merge(Evidence e, int m, float[][] edges, float[][] peaks) {
        float[] p = e.peaks()[m];
        if (p.length == 0) {
            return;
        }
        slotsOf(m, edges, peaks);
        for (int k = 0; k < MetricTrack.SLOTS; k++) {
            if (Float.isNaN(p[k]) || Float.isNaN(e.edges()[m][k])) {
                continue;
            }
            float cur = peaks[m][k];
            if (Float.isNaN(cur) || (upwards(k) ? p[k] > cur : p[k] < cur)) {
                peaks[m][k] = p[k];
                edges[m][k] = e.edges()[m][k];
            }
        }
    }

    /** Gives metric {@code m} its own edge and peak per slot (NaN: none yet) where it shares the empty ones. */
    private static void slotsOf(int m, float[][] edges, float[][] peaks) {
        if (peaks[m].length == 0) {
            edges[m] = new float[MetricTrack.SLOTS];
            peaks[m] = new float[MetricTrack.SLOTS];
            Arrays.fill(edges[m], Float.NaN);
            Arrays.fill(peaks[m], Float.NaN);
        }
    }

    /**
     * Per metric and slot: the furthest tolerance of the false alarms, and where it applies from (its edge minus its
     * excess). A confirmed pattern that the tolerance would swallow (its peak past that false alarm's edge and within
     * the tolerance) limits it to the confirmation's edge plus band / clear of its excess, so a pattern as large as the
     * confirmed one goes beyond the tolerance and alarms as it did; one larger than the tolerance needs no limit (it is
     * judged in full), and one confirmed short of the false alarm's edge lies at a level the verdict does not speak for.
     */
    private void recomputeTolerance() {
        double[] tol = new double[MetricTrack.SLOTS];
        double[] from = new double[MetricTrack.SLOTS];
        double[] edgeOf = new double[MetricTrack.SLOTS];
        for (int m = 0; m < tracks.length; m++) {
            Arrays.fill(tol, Double.NaN);
            Arrays.fill(from, Double.NaN);
            Arrays.fill(edgeOf, Double.NaN);
            for (Effect e : effects) {
                if (e.verdict() != Verdict.FALSE_ALARM) {
                    continue;
                }
                float[] peak = e.peaks()[m];
                for (int k = 0; k < peak.length; k++) {
                    double excess = excess(e, m, k);
                    double t = peak[k] + settings.feedbackMargin() * excess;
                    if (!Double.isNaN(excess) && (Double.isNaN(tol[k]) || (upwards(k) ? t > tol[k] : t < tol[k]))) {
                        tol[k] = t;
                        edgeOf[k] = e.edges()[m][k];
                        from[k] = edgeOf[k] - excess;
                    }
                }
            }
            for (Effect e : effects) {
                if (e.verdict() != Verdict.CONFIRMED) {
                    continue;
                }
                float[] peak = e.peaks()[m];
                for (int k = 0; k < peak.length; k++) {
                    double excess = excess(e, m, k);
                    boolean swallowed = upwards(k) ? peak[k] > edgeOf[k] && peak[k] <= tol[k] : peak[k] < edgeOf[k] && peak[k] >= tol[k];
                    if (!Double.isNaN(excess) && swallowed) {
                        tol[k] = e.edges()[m][k] + excess * settings.bandNovelty() / settings.clearNovelty();
                    }
                }
            }
            tracks[m].tolerate(tol, from);
        }
    }

    /** The excess of a verdict's peak over its edge on slot {@code k} of metric {@code m}; NaN where that side did not flag it. */
    private static double excess(Effect e, int m, int k) {
        double excess = e.peaks()[m][k] - e.edges()[m][k];
        return Double.isNaN(excess) || (upwards(k) ? excess <= 0 : excess >= 0) ? Double.NaN : excess;
    }

    private static boolean upwards(int slot) {
        return slot % 2 == 0;
    }

    /** See {@link SeriesDetector#lastIncidentPattern()}. */
    List<String> lastIncidentPattern() {
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
                            features[(k % FeatureStream.SIDES) / 2], upwards(k) ? "up" : "down",
                            k < FeatureStream.SIDES ? "values" : "residuals", e.edges()[m][k], e.peaks()[m][k]));
                }
            }
        }
        return out;
    }

    DetectorState.Evidence[] rememberedSnapshot() {
        return remembered.stream().map(FeedbackMemory::snapshot).toArray(DetectorState.Evidence[]::new);
    }

    DetectorState.Evidence openSnapshot() {
        return open == null ? null : snapshot(open);
    }

    DetectorState.Effect[] effectsSnapshot() {
        return effects.stream().map(e -> new DetectorState.Effect(e.id(), e.verdict().ordinal(), copy(e.edges()), copy(e.peaks())))
                .toArray(DetectorState.Effect[]::new);
    }

    private static DetectorState.Evidence snapshot(Evidence e) {
        return new DetectorState.Evidence(e.startRow(), e.startMilli(), e.endMilli()[0], copy(e.edges()), copy(e.peaks()));
    }

    private static Evidence evidence(DetectorState.Evidence e) {
        return new Evidence(e.startRow(), e.startMilli(), new long[] {e.endMilli()}, copy(e.edges()), copy(e.peaks()));
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].length == 0 ? NO_SLOTS : a[i].clone();
        }
        return c;
    }

    /** Bytes held: the arrays of the incidents and verdicts kept, and an object header each. */
    long bytes() {
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
        long b = 64L * (remembered.size() + effects.size() + 1);
        for (float[][] a : held) {
            b += 16 + 4L * a.length;
            for (float[] x : a) {
                b += x.length == 0 ? 0 : 16 + 4L * x.length;
            }
        }
        return b;
    }
}
