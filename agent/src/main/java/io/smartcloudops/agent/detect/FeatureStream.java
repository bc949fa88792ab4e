package io.smartcloudops.agent.detect;

/**
 * Causal features of one input series (a metric's values, or its residuals from a daily or weekly profile) and
 * how novel each is: how far it lies beyond everything the series did in the trailing horizon, leaving out the
 * most recent {@code exclusion} rows, in units of the feature's own recent scale ({@link ScaleWindow}, which learns
 * from rows once they are {@code exclusion} rows old and were not part of an incident).
 *
 * <p>Four features: the largest and the smallest of the last {@code spikeWindow} values (a spike up is only novel
 * upwards, a dip only downwards), the mean of the last {@code levelWindow} (level shifts, drifts, a missing daily
 * peak in residuals) and the standard deviation of the last {@code spreadWindow} (variance changes); the last two
 * count both ways. "Beyond anything seen in four weeks" is what NAB's labelled anomalies and our fault runs have in
 * common, and it lets behaviour that recurs (daily bursts) stop alarming once it is part of the horizon.
 *
 * <p>Everything is bounded: a ring of the last inputs, a delay ring of {@code exclusion} rows, block extremes and
 * fixed scale windows. Rows of an open incident still enter the horizon (so a lasting change becomes the new normal
 * once it is older than the exclusion), but not the scale windows.
 */
final class FeatureStream {

    static final int SPIKE_UP = 0;
    static final int LEVEL = 1;
    static final int SPREAD = 2;
    static final int SPIKE_DOWN = 3;
    static final int FEATURES = 4;
    /**
     * A feature and a direction, {@code 2 * feature + (0 up, 1 down)}: where operator feedback keeps its tolerance.
     * The spike up is judged only upwards (side 1 unused) and the spike down only downwards (side 6 unused).
     */
    static final int SIDES = 2 * FEATURES;

    private final DetectorSettings s;
    private final float[] ring;
    private long rows;
    private long fed;
    /** The features of the last {@code exclusion} rows, FEATURES floats a row in one array (no object per row). */
    private final float[] delayed;
    /** Whether that row had a value (its features are meaningless otherwise). */
    private final boolean[] delayedPresent;
    private final boolean[] delayedKeptOut;
    private final BlockExtreme spikeHigh;
    private final BlockExtreme spikeLow;
    private final BlockExtreme levelHigh;
    private final BlockExtreme levelLow;
    private final BlockExtreme spreadHigh;
    private final BlockExtreme spreadLow;
    private final ScaleWindow[] scales = new ScaleWindow[FEATURES];
    private final double[] features = new double[FEATURES];
    private final double[] novelty = new double[FEATURES];
    private final double[] scale = new double[FEATURES];
    /** Per feature, the edge of its trailing range it went beyond at the latest row (NaN: within its range). */
    private final double[] movedEdge = new double[FEATURES];
    /** The smallest meaningful change the latest row was judged with (see {@link #next}). */
    private double minChange;
    private double upperEdge = Double.NaN;
    private double lowerEdge = Double.NaN;

    FeatureStream(DetectorSettings settings, int horizonRows) {
        this.s = settings;
        this.ring = new float[Math.max(s.spikeWindow(), Math.max(s.levelWindow(), s.spreadWindow()))];
        this.delayed = new float[s.exclusionRows() * FEATURES];
        this.delayedPresent = new boolean[s.exclusionRows()];
        this.delayedKeptOut = new boolean[s.exclusionRows()];
        int blockRows = Math.max(1, (int) Math.ceil((double) horizonRows / DetectorSettings.HORIZON_BLOCKS));
        spikeHigh = new BlockExtreme(true, DetectorSettings.HORIZON_BLOCKS, blockRows);
        spikeLow = new BlockExtreme(false, DetectorSettings.HORIZON_BLOCKS, blockRows);
        levelHigh = new BlockExtreme(true, DetectorSettings.HORIZON_BLOCKS, blockRows);
        levelLow = new BlockExtreme(false, DetectorSettings.HORIZON_BLOCKS, blockRows);
        spreadHigh = new BlockExtreme(true, DetectorSettings.HORIZON_BLOCKS, blockRows);
        spreadLow = new BlockExtreme(false, DetectorSettings.HORIZON_BLOCKS, blockRows);
        for (int j = 0; j < FEATURES; j++) {
            scales[j] = new ScaleWindow(s.scaleSamples());
        }
    }

    private FeatureStream(DetectorSettings settings, DetectorState.Stream st) {
        this.s = settings;
        this.ring = st.ring().clone();
        this.rows = st.rows();
        this.fed = st.fed();
        this.delayed = new float[s.exclusionRows() * FEATURES];
        this.delayedPresent = new boolean[s.exclusionRows()];
        this.delayedKeptOut = st.keptOut().clone();
        if (st.delayed().length != delayedPresent.length || st.keptOut().length != delayedPresent.length) {
            throw new IllegalArgumentException("stream state: exclusion rows differ from the settings");
        }
        for (int i = 0; i < delayedPresent.length; i++) {
            float[] row = st.delayed()[i];
            if (row.length != 0 && row.length != FEATURES) {
                throw new IllegalArgumentException("stream state: a delayed row needs " + FEATURES + " features, got " + row.length);
            }
            delayedPresent[i] = row.length == FEATURES;
            if (delayedPresent[i]) {
                System.arraycopy(row, 0, delayed, i * FEATURES, FEATURES);
            }
        }
        spikeHigh = BlockExtreme.restore(st.extremes()[0]);
        spikeLow = BlockExtreme.restore(st.extremes()[1]);
        levelHigh = BlockExtreme.restore(st.extremes()[2]);
        levelLow = BlockExtreme.restore(st.extremes()[3]);
        spreadHigh = BlockExtreme.restore(st.extremes()[4]);
        spreadLow = BlockExtreme.restore(st.extremes()[5]);
        for (int j = 0; j < FEATURES; j++) {
            scales[j] = ScaleWindow.restore(st.scales()[j], s.scaleRangeFraction());
        }
    }

    /** Rows with a value seen so far. */
    long fed() {
        return fed;
    }

    /** Whether the stream has seen enough rows to judge novelty. */
    boolean ready() {
        return fed >= s.minStreamRows();
    }

    /**
     * The next row's input (NaN: missing). Returns the largest novelty of its features; {@link #novelty(int)} has
     * each, {@link #upperEdge()} / {@link #lowerEdge()} the band for a single value.
     *
     * @param frozen    the row belongs to an open incident on this metric: its features do not enter the scale
     * @param floor     the smallest scale (host metrics' units, or a fraction of the metric's spread)
     * @param minChange a feature beyond its range by less than this (in the input's units) is not novel at all: a
     *                  host metric's smallest meaningful change, so a flat metric that moves by a trifle (a disk at
     *                  0 % busy for hours, then 0.1 %) neither holds an incident open nor is named in one; 0 for
     *                  series whose units are unknown
     * @param tolerated per side from {@code offset}, the feature value an operator's false-alarm verdict tolerates
     *                  (NaN: none; null: no verdict at all), then per side where it applies from: a feature up to it
     *                  is not novel, one beyond it is judged against the usual range
     */
    double next(double input, boolean frozen, double floor, double minChange, double[] tolerated, int offset) {
        this.minChange = minChange;
        boolean present = Double.isFinite(input);
        ring[(int) (rows % ring.length)] = present ? (float) input : Float.NaN;
        if (present) {
            fed++;
        }
        features[SPIKE_UP] = extreme(s.spikeWindow(), true);
        features[SPIKE_DOWN] = extreme(s.spikeWindow(), false);
        features[LEVEL] = mean(s.levelWindow());
        features[SPREAD] = spread(s.spreadWindow());
        int slot = (int) (rows % delayedPresent.length);
        int at = slot * FEATURES;
        if (rows >= delayedPresent.length) {
            boolean entering = delayedPresent[slot];
            // the scale learns from rows once they are exclusion_rows old and were not part of an incident, so the
            // rows that confirmed an incident (before it was raised) are kept out too
            if (entering && !delayedKeptOut[slot] && (rows - delayedPresent.length) % s.scaleEvery() == 0) {
                for (int j = 0; j < FEATURES; j++) {
                    scales[j].add(delayed[at + j], s.scaleRangeFraction());
                }
            }
            spikeHigh.add(entering ? delayed[at + SPIKE_UP] : Double.NaN);
            spikeLow.add(entering ? delayed[at + SPIKE_DOWN] : Double.NaN);
            levelHigh.add(entering ? delayed[at + LEVEL] : Double.NaN);
            levelLow.add(entering ? delayed[at + LEVEL] : Double.NaN);
            spreadHigh.add(entering ? delayed[at + SPREAD] : Double.NaN);
            spreadLow.add(entering ? delayed[at + SPREAD] : Double.NaN);
        }
        boolean judge = ready();
        double[] sc = scale;
        for (int j = 0; j < FEATURES; j++) {
            sc[j] = scales[j].scale(floor);
        }
        double up = outward(spikeHigh.get(), tolerated, offset + 2 * SPIKE_UP, features[SPIKE_UP]);
        double down = outward(spikeLow.get(), tolerated, offset + 2 * SPIKE_DOWN + 1, features[SPIKE_DOWN]);
        judge(SPIKE_UP, judge, up, Double.NaN, sc[SPIKE_UP]);
        judge(SPIKE_DOWN, judge, Double.NaN, down, sc[SPIKE_DOWN]);
        judge(LEVEL, judge, outward(levelHigh.get(), tolerated, offset + 2 * LEVEL, features[LEVEL]),
                outward(levelLow.get(), tolerated, offset + 2 * LEVEL + 1, features[LEVEL]), sc[LEVEL]);
        judge(SPREAD, judge, outward(spreadHigh.get(), tolerated, offset + 2 * SPREAD, features[SPREAD]),
                outward(spreadLow.get(), tolerated, offset + 2 * SPREAD + 1, features[SPREAD]), sc[SPREAD]);
        upperEdge = Double.isNaN(up) ? Double.NaN : up + s.bandNovelty() * sc[SPIKE_UP];
        lowerEdge = Double.isNaN(down) ? Double.NaN : down - s.bandNovelty() * sc[SPIKE_DOWN];
        delayedPresent[slot] = present;
        for (int j = 0; j < FEATURES; j++) {
            delayed[at + j] = present ? (float) features[j] : 0;
        }
        delayedKeptOut[slot] = frozen;
        rows++;
        return Math.max(Math.max(novelty[0], novelty[1]), Math.max(novelty[2], novelty[3]));
    }

    /**
     * Sets feature {@code j}'s novelty: how far its value lies above {@code high} or below {@code low}, in
     * {@code scale} units, and the edge it went beyond; nothing when it is within its range, when the distance is below
     * the row's smallest meaningful change, or while the stream is not ready.
     */
    private void judge(int j, boolean ready, double high, double low, double scale) {
        novelty[j] = 0;
        movedEdge[j] = Double.NaN;
        double v = features[j];
        if (!ready || Double.isNaN(v)) {
            return;
        }
        double above = Double.isNaN(high) ? 0 : v - high;
        double below = Double.isNaN(low) ? 0 : low - v;
        double excess = Math.max(above, below);
        if (excess > 0 && excess >= minChange) {
            novelty[j] = excess / scale;
            movedEdge[j] = above >= below ? high : low;
        }
    }

    /**
     * A side's range edge as an operator's false-alarm verdict leaves it for a feature at {@code value}: widened to the
     * value the verdict tolerates while the feature is within it (a pattern up to the tolerated size is normal), the
     * usual edge once the feature goes beyond it (a larger pattern is judged in full, as if no verdict had been given,
     * so a real anomaly larger than the false alarm is not weakened by it), and the usual edge too while the range lies
     * short of where the verdict applies from ({@link MetricTrack#tolerate}: a verdict speaks for the level it was given
     * at). An edge that does not exist yet stays so.
     */
    private static double outward(double edge, double[] tolerated, int side, double value) {
        double tol = tolerated == null ? Double.NaN : tolerated[side];
        if (Double.isNaN(tol) || Double.isNaN(edge)) {
            return edge;
        }
        double from = tolerated[MetricTrack.SLOTS + side];
        boolean up = side % 2 == 0;
        boolean shortOfLevel = !Double.isNaN(from) && (up ? edge < from : edge > from);
        boolean beyond = up ? value > tol : value < tol;
        if (shortOfLevel || beyond) {
            return edge;
        }
        return up ? Math.max(edge, tol) : Math.min(edge, tol);
    }

    /** Keeps the latest {@code n} rows out of what the scale learns (they turned out to start an incident). */
    void keepOutRecent(int n) {
        for (int j = 0; j < Math.min(n, delayedPresent.length) && j < rows; j++) {
            delayedKeptOut[(int) Math.floorMod(rows - 1 - j, (long) delayedPresent.length)] = true;
        }
    }

    /** Novelty of one feature at the latest row ({@link #SPIKE_UP}, {@link #LEVEL}, {@link #SPREAD}, {@link #SPIKE_DOWN}). */
    double novelty(int feature) {
        return novelty[feature];
    }

    /** The value of one feature at the latest row (NaN without input). */
    double feature(int feature) {
        return features[feature];
    }

    /**
     * The edge of its trailing range (widened by any operator tolerance) that feature {@code j} went beyond at the
     * latest row; NaN when it did not.
     */
    double movedEdge(int feature) {
        return movedEdge[feature];
    }

    /** The range edge of a side at the latest row, before any operator tolerance (NaN: none yet, or a side not judged). */
    double edge(int side) {
        return switch (side) {
            case 2 * SPIKE_UP -> spikeHigh.get();
            case 2 * SPIKE_DOWN + 1 -> spikeLow.get();
            case 2 * LEVEL -> levelHigh.get();
            case 2 * LEVEL + 1 -> levelLow.get();
            case 2 * SPREAD -> spreadHigh.get();
            case 2 * SPREAD + 1 -> spreadLow.get();
            default -> Double.NaN;
        };
    }

    /** A side's novelty at the latest row before any operator tolerance (for what an incident flagged). */
    double sideNovelty(int side) {
        double v = features[side / 2];
        double e = edge(side);
        if (!ready() || Double.isNaN(v) || Double.isNaN(e)) {
            return 0;
        }
        double excess = side % 2 == 0 ? v - e : e - v;
        return excess > 0 && excess >= minChange ? excess / scale[side / 2] : 0;
    }

    /** The usual range of single values: from the lower quartile of recent dips to the upper quartile of recent peaks. */
    double[] usualRange() {
        return new double[] {scales[SPIKE_DOWN].quantile(0.25), scales[SPIKE_UP].quantile(0.75)};
    }

    /** The scale the level feature is measured in at the latest row. */
    double levelScale() {
        return scale[LEVEL];
    }

    /**
     * A single value above this is a spike beyond the horizon (or beyond what a verdict tolerates, if further) by the
     * novelty that counts towards an incident ({@code band_novelty}); NaN before any history.
     */
    double upperEdge() {
        return upperEdge;
    }

    double lowerEdge() {
        return lowerEdge;
    }

    /** The last {@code n} inputs, oldest first (NaN for missing ones). */
    float[] recent(int n) {
        int m = (int) Math.min(Math.min(n, ring.length), rows);
        float[] out = new float[m];
        for (int j = 0; j < m; j++) {
            out[j] = ring[(int) Math.floorMod(rows - m + j, (long) ring.length)];
        }
        return out;
    }

    private int span(int window) {
        return (int) Math.min(window, rows + 1);
    }

    private float at(int back) {
        return ring[(int) Math.floorMod(rows - back, (long) ring.length)];
    }

    private double extreme(int window, boolean max) {
        double e = Double.NaN;
        for (int j = 0; j < span(window); j++) {
            float v = at(j);
            if (!Float.isNaN(v)) {
                e = Double.isNaN(e) ? v : max ? Math.max(e, v) : Math.min(e, v);
            }
        }
        return e;
    }

    private double mean(int window) {
        double sum = 0;
        int c = 0;
        for (int j = 0; j < span(window); j++) {
            float v = at(j);
            if (!Float.isNaN(v)) {
                sum += v;
                c++;
            }
        }
        return c == 0 ? Double.NaN : sum / c;
    }

    private double spread(int window) {
        double sum = 0;
        int c = 0;
        for (int j = 0; j < span(window); j++) {
            float v = at(j);
            if (!Float.isNaN(v)) {
                sum += v;
                c++;
            }
        }
        if (c < 2) {
            return c == 0 ? Double.NaN : 0;
        }
        double mean = sum / c;
        double ss = 0;
        for (int j = 0; j < span(window); j++) {
            float v = at(j);
            if (!Float.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(ss / (c - 1));
    }

    long bytes() {
        long b = 4L * ring.length + 4L * delayed.length + 2L * delayedPresent.length + 6L * (4 * DetectorSettings.HORIZON_BLOCKS + 32);
        return b + (long) FEATURES * 8 * s.scaleSamples() + 128;
    }

    DetectorState.Stream snapshot() {
        float[][] d = new float[delayedPresent.length][];
        for (int i = 0; i < d.length; i++) {
            d[i] = delayedPresent[i] ? java.util.Arrays.copyOfRange(delayed, i * FEATURES, (i + 1) * FEATURES) : new float[0];
        }
        DetectorState.Window[] w = new DetectorState.Window[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            w[j] = scales[j].snapshot();
        }
        return new DetectorState.Stream(ring.clone(), rows, fed, d, delayedKeptOut.clone(), new DetectorState.Extreme[] {spikeHigh.snapshot(),
            spikeLow.snapshot(), levelHigh.snapshot(), levelLow.snapshot(), spreadHigh.snapshot(), spreadLow.snapshot()}, w);
    }

    static FeatureStream restore(DetectorSettings settings, DetectorState.Stream st) {
        return new FeatureStream(settings, st);
    }
}
