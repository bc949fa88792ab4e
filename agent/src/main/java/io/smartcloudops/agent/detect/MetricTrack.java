package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.time.Instant;
import java.util.Arrays;

/**
 * Everything the detector keeps about one metric of one series, fed one row at a time: the daily and weekly
 * profiles, which of them (if any) the metric follows, two feature streams (the raw values, and the residuals from the
 * profile that correlates best, so switching to a season never compares residuals with raw values), the relative
 * scale floor, the recent level and a CUSUM level-shift detector.
 *
 * <p>A season is switched on when its autocorrelation at one cycle's lag reaches {@code season_on} (after two
 * cycles), off again below {@code season_off}; the weekly one is preferred when it correlates better than the daily
 * one. While the metric belongs to an open incident ({@code frozen}), its profiles, scale windows and level learn
 * nothing, so an anomaly does not become the expectation it is measured against.
 *
 * <p>Why this class is long (about 460 lines): its state is a handful of bounded float arrays saved and restored as
 * one, per metric of every host (the 200 KB a host budget of docs/benchmarks.md); splitting it would split the
 * snapshot format and add an object per piece for every host and metric.
 */
final class MetricTrack {

    private static final int RAW_SAMPLES = 288;
    /** Feedback slots: the sides of the raw stream, then those of the residual stream ({@link FeatureStream#SIDES} each). */
    static final int SLOTS = 2 * FeatureStream.SIDES;

    private final DetectorSettings s;
    private final Metric metric;
    private final boolean hostUnits;
    private final double unitFloor;
    private SeasonProfile daily;
    private SeasonProfile weekly;
    private FeatureStream raw;
    private FeatureStream seasonal;
    private boolean dailyOn;
    private boolean weeklyOn;
    private Season active = Season.NONE;
    private Season candidate = Season.DAILY;
    /** Running mean squares of the value around each season's expectation and around its median. */
    private double dailySq;
    private double weeklySq;
    private double levelSq;
    private ScaleWindow rawWindow = new ScaleWindow(RAW_SAMPLES);
    private final long[] delayedAt;
    private final float[] delayedValue;
    private final boolean[] delayedKeptOut;
    private final float[] level;
    private int levelCount;
    private int levelHead;
    private double cusumUp;
    private double cusumDown;
    private long rows;
    private long lastShiftRow = Long.MIN_VALUE;
    private long lastShiftAt = Long.MIN_VALUE;
    private long invalid;
    // the latest row
    private double value = Double.NaN;
    private double expected = Double.NaN;
    private double novelty;
    private final double[] featureNovelty = new double[FeatureStream.FEATURES];
    private long at;
    /** Per slot, the feature value operators' false-alarm verdicts tolerate, then per slot where that applies from (NaN: none); null without any. */
    private double[] tolerated;

    MetricTrack(DetectorSettings settings, Metric metric, boolean hostUnits) {
        this.s = settings;
        this.metric = metric;
        this.hostUnits = hostUnits;
        this.unitFloor = hostUnits ? settings.scaleFloor(metric) : 0;
        this.level = new float[2 * settings.levelWindow()];
        this.delayedAt = new long[settings.exclusionRows()];
        this.delayedValue = new float[settings.exclusionRows()];
        Arrays.fill(delayedValue, Float.NaN);
        this.delayedKeptOut = new boolean[settings.exclusionRows()];
    }

    Metric metric() {
        return metric;
    }

    /** Creates the parts whose size depends on the sampling interval, once it is known. */
    private void start(double step) {
        raw = new FeatureStream(s, s.horizonRows(step));
        if (s.seasons()) {
            daily = new SeasonProfile(SeasonProfile.DAY, step, s.dailyBins(), s.dailyCycles());
            weekly = new SeasonProfile(SeasonProfile.WEEK, step, s.weeklyBins(), s.weeklyCycles());
        }
    }

    /**
     * Feeds one row and returns the largest feature novelty of the stream the metric follows (0 while there is too
     * little history).
     *
     * @param t      the row's timestamp, epoch milliseconds
     * @param input  the value (NaN, infinities and, for host metrics, negative values count as missing)
     * @param step   the series' sampling interval in milliseconds (NaN until known)
     * @param frozen the metric belongs to an open incident
     */
    double next(long t, double input, double step, boolean frozen) {
        double x = input;
        if (!Double.isFinite(x) || (hostUnits && x < 0)) {
            if (!Double.isNaN(input)) {
                invalid++;
            }
            x = Double.NaN;
        }
        at = t;
        value = x;
        rows++;
        if (raw == null) {
            if (Double.isNaN(step)) {
                novelty = 0;
                Arrays.fill(featureNovelty, 0);
                return 0;
            }
            start(step);
        }
        boolean present = !Double.isNaN(x);
        double ed = Double.NaN;
        double ew = Double.NaN;
        if (present && daily != null) {
            ed = daily.expected(t, s.seasonMinCycles());
            ew = weekly.expected(t, s.seasonMinCycles());
            double da = daily.acf();
            double wa = weekly.acf();
            if (!Double.isNaN(da)) {
                dailyOn = dailyOn ? da >= s.seasonOff() : da >= s.seasonOn();
            }
            if (!Double.isNaN(wa)) {
                weeklyOn = weeklyOn ? wa >= s.seasonOff() : wa >= s.seasonOn();
            }
        }
        learnErrors(x, present && !frozen, ed, ew);
        // the weekly profile is followed once it predicts better than the daily one (by mean square error: the
        // autocorrelations of the two are computed on different spans and flip with a run of similar days)
        if (daily != null && !Double.isNaN(ew) && weeklySq > 0 && weeklySq < dailySq) {
            candidate = Season.WEEKLY;
        } else if (daily != null && !Double.isNaN(ed)) {
            candidate = Season.DAILY;
        }
        boolean explains = explains(candidate == Season.WEEKLY ? weeklySq : dailySq);
        if (weeklyOn && explains && candidate == Season.WEEKLY && warm(Season.WEEKLY, step)) {
            active = Season.WEEKLY;
        } else if (dailyOn && explains && candidate == Season.DAILY && warm(Season.DAILY, step)) {
            active = Season.DAILY;
        } else if (present || daily == null) {
            active = Season.NONE;
        }
        learnDelayed(t, x, frozen);
        double floor = Math.max(Math.max(unitFloor, s.scaleRangeFraction() * rawSpan()), 1e-9);
        double minChange = hostUnits ? unitFloor : 0;
        double n0 = raw.next(x, frozen, floor, minChange, tolerated, 0);
        // the residual stream follows the profile that correlates best (weekly once it beats daily), whether or not
        // the season is on yet, so it has a history when it is switched on
        double residual = candidate == Season.WEEKLY ? x - ew : x - ed;
        if (seasonal == null && !Double.isNaN(residual)) {
            seasonal = new FeatureStream(s, s.horizonRows(step));
        }
        double n1 = seasonal == null ? 0 : seasonal.next(residual, frozen, floor, minChange, tolerated, FeatureStream.SIDES);
        FeatureStream stream = stream();
        novelty = active == Season.NONE ? n0 : n1;
        for (int j = 0; j < FeatureStream.FEATURES; j++) {
            featureNovelty[j] = stream == null ? 0 : stream.novelty(j);
        }
        if (active != Season.NONE && stream != null) {
            // a dip below the season's expectation counts only as far as it is a dip of the values too: one low value
            // at an hour when the metric is usually higher, but no lower than it goes at other hours, is not news (a
            // missing peak or a flattened day shows in the level feature of the residuals)
            featureNovelty[FeatureStream.SPIKE_DOWN] = Math.min(featureNovelty[FeatureStream.SPIKE_DOWN], raw.novelty(FeatureStream.SPIKE_DOWN));
            novelty = Math.max(Math.max(featureNovelty[0], featureNovelty[1]), Math.max(featureNovelty[2], featureNovelty[3]));
        }
        expected = switch (active) {
            case NONE -> levelMedian();
            case DAILY -> ed;
            case WEEKLY -> ew;
        };
        levelShift(x, frozen);
        return novelty;
    }

    /**
     * The profiles and the value window learn from rows once they are exclusion_rows old and were not part of an
     * incident, so the rows that confirmed an incident are kept out as well as those after its raise.
     */
    private void learnDelayed(long t, double x, boolean frozen) {
        int slot = (int) ((rows - 1) % delayedAt.length);
        if (rows > delayedAt.length) {
            float old = delayedValue[slot];
            if (!Float.isNaN(old) && !delayedKeptOut[slot]) {
                if ((rows - 1 - delayedAt.length) % s.scaleEvery() == 0) {
                    rawWindow.add(old, 0);
                }
                if (daily != null) {
                    daily.add(delayedAt[slot], old);
                    weekly.add(delayedAt[slot], old);
                }
            }
        }
        delayedAt[slot] = t;
        delayedValue[slot] = Double.isNaN(x) ? Float.NaN : (float) x;
        delayedKeptOut[slot] = frozen;
    }

    /** Keeps the latest {@code n} rows out of what is learned (they turned out to start an incident). */
    void keepOutRecent(int n) {
        for (int j = 0; j < Math.min(n, delayedAt.length) && j < rows; j++) {
            delayedKeptOut[(int) Math.floorMod(rows - 1 - j, (long) delayedAt.length)] = true;
        }
        for (FeatureStream st : new FeatureStream[] {raw, seasonal}) {
            if (st != null) {
                st.keepOutRecent(n);
            }
        }
    }

    /**
     * Whether the season explains enough of the metric to be worth following: 1 - (mean square around the season's
     * expectation) / (mean square around the median) reaches {@code season_min_r2}. A cycle can be regular (high
     * autocorrelation) and still leave most of the variation unexplained (a spiky load whose spikes come at roughly
     * the same hours): its residuals are then as noisy as the values, and judging them raised false alarms. Both mean
     * squares are exponential averages over about 1,000 rows of accepted values.
     */
    private boolean explains(double seasonSq) {
        return s.seasonMinR2() <= 0 || levelSq <= 0 || 1 - seasonSq / levelSq >= s.seasonMinR2();
    }

    /** Exponential averages (about 1,000 rows) of the squared errors of each expectation, on accepted values. */
    private void learnErrors(double x, boolean learn, double ed, double ew) {
        double median = rawWindow.size() < 8 ? Double.NaN : rawWindow.quantile(0.5);
        if (!learn || Double.isNaN(median) || Double.isNaN(ed)) {
            return;
        }
        levelSq = average(levelSq, (x - median) * (x - median));
        dailySq = average(dailySq, (x - ed) * (x - ed));
        if (!Double.isNaN(ew)) {
            weeklySq = average(weeklySq, (x - ew) * (x - ew));
        }
    }

    private static double average(double mean, double v) {
        return mean == 0 ? v : mean + (v - mean) / 1000;
    }

    /**
     * Whether the residual stream has two cycles of history: before that its range has not seen what recurs once a
     * cycle (a daily spike), and the metric is judged on its values.
     */
    private boolean warm(Season season, double step) {
        long period = season == Season.WEEKLY ? SeasonProfile.WEEK : SeasonProfile.DAY;
        return seasonal != null && seasonal.fed() >= Math.max(s.minStreamRows(), 2.0 * period / step);
    }

    private double rawSpan() {
        return rawWindow.size() < 8 ? 0 : rawWindow.quantile(0.99) - rawWindow.quantile(0.01);
    }

    private FeatureStream stream() {
        return active == Season.NONE ? raw : seasonal;
    }

    /** Median of the recent accepted values. */
    private double levelMedian() {
        if (levelCount == 0) {
            return Double.NaN;
        }
        float[] v = new float[levelCount];
        for (int i = 0; i < levelCount; i++) {
            v[i] = level[i];
        }
        Arrays.sort(v);
        return levelCount % 2 == 1 ? v[levelCount / 2] : (v[levelCount / 2 - 1] + v[levelCount / 2]) / 2.0;
    }

    private void addLevel(float v) {
        level[levelHead] = v;
        levelHead = (levelHead + 1) % level.length;
        levelCount = Math.min(levelCount + 1, level.length);
    }

    /**
     * CUSUM on the value's deviation from the recent level, in robust standard deviations clipped at 3 (so a spike
     * adds at most 3 - drift and only a lasting change accumulates). A confirmed shift re-centres the level on the
     * latest values and is reported as "level just shifted"; the novelty features decide the alarm. While the metric
     * belongs to an open incident the shift is reported but the level is kept, so what the incident's record says was
     * expected stays what was expected before the fault.
     */
    private void levelShift(double x, boolean frozen) {
        if (Double.isNaN(x)) {
            return;
        }
        double ref = levelMedian();
        double sd = rawWindow.size() < 8 ? Double.NaN : (rawWindow.quantile(0.75) - rawWindow.quantile(0.25)) / 1.349;
        sd = Math.max(Double.isNaN(sd) ? 0 : sd, Math.max(unitFloor, 1e-9));
        if (!Double.isNaN(ref) && levelCount >= s.levelWindow()) {
            double z = Math.max(-3, Math.min(3, (x - ref) / sd));
            cusumUp = Math.max(0, cusumUp + z - s.shiftDrift());
            cusumDown = Math.max(0, cusumDown - z - s.shiftDrift());
            if (cusumUp >= s.shiftThreshold() || cusumDown >= s.shiftThreshold()) {
                lastShiftRow = rows;
                lastShiftAt = at;
                cusumUp = 0;
                cusumDown = 0;
                if (frozen) {
                    // inside an open incident the shift is reported but not adopted: the expectation stays the one
                    // from before the fault (adopted once the metric learns again, after adopt_rows)
                    return;
                }
                levelCount = 0;
                levelHead = 0;
                for (float v : raw.recent(s.levelWindow())) {
                    if (!Float.isNaN(v)) {
                        addLevel(v);
                    }
                }
                return;
            }
        }
        if (!frozen) {
            addLevel((float) x);
        }
    }

    /**
     * Sets the feature values tolerated by operators' false-alarm verdicts, one per {@link #SLOTS slot} (NaN: none), and
     * per slot the range edge from which each applies (NaN: always): a verdict given when a feature's range ended at E
     * and it went to P speaks for ranges out to about E again, not for a range far below E - (P - E) (a verdict on a
     * 15-point jump from a busy baseline says nothing about the same values reached from an idle one). They act from the
     * next row on.
     */
    void tolerate(double[] values, double[] from) {
        boolean any = false;
        for (int k = 0; k < SLOTS; k++) {
            any |= !Double.isNaN(values[k]);
        }
        if (!any) {
            tolerated = null;
            return;
        }
        tolerated = Arrays.copyOf(values, 2 * SLOTS);
        System.arraycopy(from, 0, tolerated, SLOTS, SLOTS);
    }

    /** The range edges every slot is measured against at the latest row (NaN where there is none), into {@code out}. */
    void edges(float[] out) {
        for (int side = 0; side < FeatureStream.SIDES; side++) {
            out[side] = raw == null ? Float.NaN : (float) raw.edge(side);
            out[FeatureStream.SIDES + side] = seasonal == null ? Float.NaN : (float) seasonal.edge(side);
        }
    }

    /**
     * Widens {@code peak} (per slot, NaN: not flagged yet) to the feature values of the sides that flag the latest row:
     * those of the stream the metric follows whose novelty reaches {@code band}, before any tolerance. A dip judged on
     * residuals counts only as far as the values dip too, so it flags both streams' dip side. A slot flagged with no
     * edge yet (its stream was not ready when the incident was raised) takes the current one.
     */
    void widenPeaks(float[] edge, float[] peak, double band) {
        FeatureStream st = stream();
        if (st == null) {
            return;
        }
        int offset = active == Season.NONE ? 0 : FeatureStream.SIDES;
        int dip = 2 * FeatureStream.SPIKE_DOWN + 1;
        for (int side = 0; side < FeatureStream.SIDES; side++) {
            boolean flags = st.sideNovelty(side) >= band;
            if (offset > 0 && side == dip) {
                flags &= raw.sideNovelty(side) >= band;
                if (flags) {
                    widen(edge, peak, side, raw.edge(side), raw.feature(FeatureStream.SPIKE_DOWN));
                }
            }
            if (flags) {
                widen(edge, peak, offset + side, st.edge(side), st.feature(side / 2));
            }
        }
    }

    private static void widen(float[] edge, float[] peak, int slot, double currentEdge, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (Float.isNaN(edge[slot])) {
            edge[slot] = (float) currentEdge;
        }
        boolean upwards = slot % 2 == 0;
        float p = peak[slot];
        peak[slot] = Float.isNaN(p) ? (float) v : (float) (upwards ? Math.max(p, v) : Math.min(p, v));
    }

    /** Largest feature novelty at the latest row. */
    double novelty() {
        return novelty;
    }

    /** Novelty of one feature of the followed stream at the latest row. */
    double novelty(int feature) {
        return featureNovelty[feature];
    }

    double value() {
        return value;
    }

    /** The feature of the followed stream with the largest novelty at the latest row; -1 when none is novel. */
    int movedFeature() {
        int best = -1;
        for (int j = 0; j < FeatureStream.FEATURES; j++) {
            if (featureNovelty[j] > 0 && (best < 0 || featureNovelty[j] > featureNovelty[best])) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Whether the metric's most novel feature at the latest row lies above the edge it went beyond (a rise, a level up,
     * more spread) rather than below it (a dip, a quieter host); false when nothing is novel.
     */
    boolean rising() {
        int j = movedFeature();
        if (j < 0) {
            return false;
        }
        double[] fe = featureAndEdge(j);
        return !Double.isNaN(fe[1]) && fe[0] > fe[1];
    }

    /**
     * Feature {@code j} of the followed stream at the latest row and the edge of its trailing range it went beyond (NaN
     * when it did not): values, or residuals from the season when one is followed.
     */
    double[] featureAndEdge(int j) {
        FeatureStream st = stream();
        return st == null ? new double[] {Double.NaN, Double.NaN} : new double[] {st.feature(j), st.movedEdge(j)};
    }

    /** What the metric was expected to be at the latest row (NaN while there is too little history). */
    double expected() {
        return expected;
    }

    Season season() {
        return active;
    }

    boolean ready() {
        FeatureStream st = stream();
        return st != null && st.ready() && !Double.isNaN(expected);
    }


    boolean levelJustShifted() {
        return lastShiftRow != Long.MIN_VALUE && rows - lastShiftRow <= s.shiftMemoryRows();
    }

    /** When the level last shifted (null: never). */
    Instant lastLevelShift() {
        return lastShiftAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastShiftAt);
    }

    /** The band at the latest row: [lower, upper] for a single value; empty (null) while not ready. */
    double[] band() {
        FeatureStream st = stream();
        if (!ready() || Double.isNaN(st.upperEdge()) || Double.isNaN(st.lowerEdge())) {
            return null;
        }
        double offset = active == Season.NONE ? 0 : expected;
        double lo = Math.min(expected, st.lowerEdge() + offset);
        double hi = Math.max(expected, st.upperEdge() + offset);
        return new double[] {possible(lo), possible(hi)};
    }

    /**
     * {@code v} within what a host metric can be: 0-100 for a percentage, 0 or more for bytes per second and load
     * (the edges are the expected value plus or minus a spread, which can pass a limit the metric never does). A
     * series in its own units (not a host's) is left as it is.
     */
    double possible(double v) {
        if (!hostUnits || Double.isNaN(v)) {
            return v;
        }
        double floored = Math.max(0, v);
        return metric.isPercent() ? Math.min(100, floored) : floored;
    }

    /** The usual range of single values at the latest row (for explanations); null while not ready. */
    double[] usualRange() {
        FeatureStream st = stream();
        if (!ready()) {
            return null;
        }
        double[] r = st.usualRange();
        double offset = active == Season.NONE ? 0 : expected;
        if (Double.isNaN(r[0]) || Double.isNaN(r[1])) {
            return null;
        }
        return new double[] {possible(Math.min(expected, r[0] + offset)), possible(Math.max(expected, r[1] + offset))};
    }

    /** The deviation of the latest value from the expected one, in the level feature's scale. */
    double deviation() {
        FeatureStream st = stream();
        if (st == null || Double.isNaN(value) || Double.isNaN(expected)) {
            return 0;
        }
        return (value - expected) / Math.max(st.levelScale(), 1e-9);
    }

    /** Bytes of state held (arrays and fixed fields; for the per-host memory figure). */
    long bytes() {
        long b = 256 + 4L * level.length + 8L * 2 * RAW_SAMPLES;
        for (FeatureStream st : new FeatureStream[] {raw, seasonal}) {
            b += st == null ? 0 : st.bytes();
        }
        for (SeasonProfile p : new SeasonProfile[] {daily, weekly}) {
            b += p == null ? 0 : p.bytes();
        }
        return b;
    }

    /** Bytes of the seasonal part (profiles and residual streams). */
    long seasonalBytes() {
        long b = 0;
        b += seasonal == null ? 0 : seasonal.bytes();
        for (SeasonProfile p : new SeasonProfile[] {daily, weekly}) {
            b += p == null ? 0 : p.bytes();
        }
        return b;
    }

    DetectorState.Track snapshot() {
        return new DetectorState.Track(metric.key(), hostUnits, daily == null ? null : daily.snapshot(),
                weekly == null ? null : weekly.snapshot(), raw == null ? null : raw.snapshot(),
                seasonal == null ? null : seasonal.snapshot(), dailyOn, weeklyOn, active.ordinal(), candidate.ordinal(), rawWindow.snapshot(), delayedAt.clone(),
                delayedValue.clone(), delayedKeptOut.clone(), level.clone(),
                levelCount, levelHead, cusumUp, cusumDown, dailySq, weeklySq, levelSq, rows, lastShiftRow, lastShiftAt, invalid, value,
                expected, novelty,
                featureNovelty.clone(), at);
    }

    static MetricTrack restore(DetectorSettings s, DetectorState.Track t) {
        MetricTrack m = new MetricTrack(s, Metric.fromKey(t.metric()).orElseThrow(), t.hostUnits());
        if (t.level().length != m.level.length) {
            throw new IllegalArgumentException("detector state: the level window differs from the settings");
        }
        m.daily = t.daily() == null ? null : SeasonProfile.restore(t.daily());
        m.weekly = t.weekly() == null ? null : SeasonProfile.restore(t.weekly());
        m.raw = t.raw() == null ? null : FeatureStream.restore(s, t.raw());
        m.seasonal = t.seasonal() == null ? null : FeatureStream.restore(s, t.seasonal());
        m.candidate = Season.values()[t.candidate()];
        m.dailyOn = t.dailyOn();
        m.weeklyOn = t.weeklyOn();
        m.active = Season.values()[t.active()];
        m.rawWindow = ScaleWindow.restore(t.rawWindow(), 0);
        System.arraycopy(t.level(), 0, m.level, 0, m.level.length);
        if (t.delayedAt().length != m.delayedAt.length) {
            throw new IllegalArgumentException("detector state: exclusion rows differ from the settings");
        }
        System.arraycopy(t.delayedAt(), 0, m.delayedAt, 0, m.delayedAt.length);
        System.arraycopy(t.delayedValue(), 0, m.delayedValue, 0, m.delayedValue.length);
        System.arraycopy(t.delayedKeptOut(), 0, m.delayedKeptOut, 0, m.delayedKeptOut.length);
        m.levelCount = t.levelCount();
        m.levelHead = t.levelHead();
        m.cusumUp = t.cusumUp();
        m.cusumDown = t.cusumDown();
        m.dailySq = t.dailySq();
        m.weeklySq = t.weeklySq();
        m.levelSq = t.levelSq();
        m.rows = t.rows();
        m.lastShiftRow = t.lastShiftRow();
        m.lastShiftAt = t.lastShiftAt();
        m.invalid = t.invalid();
        m.value = t.value();
        m.expected = t.expected();
        m.novelty = t.novelty();
        System.arraycopy(t.featureNovelty(), 0, m.featureNovelty, 0, m.featureNovelty.length);
        m.at = t.at();
        return m;
    }
}
