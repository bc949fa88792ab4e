package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one detector configuration, used for every series and host (chosen on the NAB development and wide sets and
 * the fault recordings together: docs/benchmarks.md; every value is explained in ml_models/model.json). Windows and
 * counts are in rows, so the detector reacts in the same number of samples at 5-second and 5-minute sampling; the
 * novelty horizon and the seasons are in time (days), turned into rows with the series' own sampling interval.
 *
 * @param spikeWindow        rows whose largest / smallest value is the spike feature
 * @param levelWindow        rows of the level mean (level shifts, drifts, a missing daily peak in residuals)
 * @param spreadWindow       rows of the standard deviation (variance changes)
 * @param horizonDays        a feature is novel when it lies beyond its range over this much trailing time ...
 * @param horizonMinRows     ... but at least this many rows ...
 * @param horizonMaxRows     ... and at most this many (memory is bounded by blocks, not rows)
 * @param exclusionRows      most recent rows left out of that range, so a slowly growing anomaly is compared with how
 *                           things were before it began (and a lasting change becomes normal after this many rows)
 * @param scaleSamples       samples in each feature's scale window (one every {@code scaleEvery} rows)
 * @param scaleEvery         rows between scale samples
 * @param scaleRangeFraction the scale is at least this fraction of the feature's recent range (spiky series)
 * @param minStreamRows      rows of history before a stream may alarm ("too little history" until then)
 * @param clearNovelty       novelty (in scale units) that makes a row anomalous at once
 * @param bandNovelty        novelty that makes a row anomalous when it lasts {@code bandConfirmRows} rows (the
 *                           borderline band; equal to {@code clearNovelty} to switch it off)
 * @param bandConfirmRows    consecutive rows of borderline novelty that count as anomalous ...
 * @param bandConfirmSeconds ... and the time those rows must cover at the series' sampling interval (0: off). In
 *                           seconds, not rows, so a 5-second host needs a borderline deviation that lasts (a busy
 *                           machine's load wanders for tens of seconds) while a 5-minute series, whose single row
 *                           already covers it, is judged as before
 * @param keepNovelty        novelty that keeps an open incident open (hysteresis: an incident stays open while its
 *                           condition holds)
 * @param confirmRows        consecutive anomalous rows before an incident is raised
 * @param closeAfterRows     consecutive rows below {@code keepNovelty} that end an incident
 * @param adoptRows          rows after which a metric in an open incident is learned again (its new state becomes
 *                           the new normal even if the incident is still open)
 * @param seasons            whether daily and weekly seasons are looked for (off only for the ablation)
 * @param dailyBins          at most this many phase bins per day (5-minute bins)
 * @param weeklyBins         at most this many per week (hourly bins)
 * @param dailyCycles        days remembered per daily bin
 * @param weeklyCycles       weeks remembered per weekly bin
 * @param seasonMinCycles    cycles a bin needs before it gives an expected value
 * @param seasonOn           autocorrelation at one cycle's lag that switches a season on ...
 * @param seasonOff          ... and below which it switches off again
 * @param seasonMinR2        a season is followed only while it explains at least this share of the metric's variance
 *                           (1 - mean square around it / mean square around the median; 0: always)
 * @param shiftDrift         CUSUM allowance (in scale units) of the level-shift detector
 * @param shiftThreshold     CUSUM decision level: a level shift is confirmed when the cumulative sum reaches it
 * @param shiftMemoryRows    a level shift counts as "just shifted" for this many rows
 * @param feedbackMargin     a false alarm tolerates, per feature side that flagged it, values up to its peak plus this
 *                           times the peak's excess over the range it was measured against
 * @param scaleFloors        smallest scale per {@link Metric} (by ordinal) for host metrics, whose units are known;
 *                           one-metric (NAB) series use the relative floor only
 */
public record DetectorSettings(int spikeWindow, int levelWindow, int spreadWindow,
                               double horizonDays, int horizonMinRows, int horizonMaxRows, int exclusionRows,
                               int scaleSamples, int scaleEvery, double scaleRangeFraction, int minStreamRows,
                               double clearNovelty, double bandNovelty, int bandConfirmRows, double bandConfirmSeconds,
                               double keepNovelty,
                               int confirmRows, int closeAfterRows, int adoptRows,
                               boolean seasons, int dailyBins, int weeklyBins, int dailyCycles, int weeklyCycles,
                               int seasonMinCycles, double seasonOn, double seasonOff, double seasonMinR2,
                               double shiftDrift, double shiftThreshold, int shiftMemoryRows,
                               double feedbackMargin, double[] scaleFloors) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    /** Blocks the novelty horizon is kept in (one float each per feature and side). */
    public static final int HORIZON_BLOCKS = 64;

    public DetectorSettings {
        positive("spike_window", spikeWindow);
        positive("level_window", levelWindow);
        if (spreadWindow < 2) {
            throw new IllegalArgumentException("spread_window must be at least 2");
        }
        if (Math.max(spikeWindow, Math.max(levelWindow, spreadWindow)) > 10_000) {
            throw new IllegalArgumentException("feature windows must be at most 10000 rows");
        }
        if (!(horizonDays > 0) || horizonDays > 366) {
            throw new IllegalArgumentException("horizon_days must be in (0, 366]");
        }
        positive("horizon_min_rows", horizonMinRows);
        if (horizonMaxRows < horizonMinRows || horizonMaxRows > 10_000_000) {
            throw new IllegalArgumentException("horizon_max_rows must be at least horizon_min_rows");
        }
        if (exclusionRows < 1 || exclusionRows >= horizonMinRows || exclusionRows > 100_000) {
            throw new IllegalArgumentException("need 1 <= exclusion_rows < horizon_min_rows");
        }
        if (scaleSamples < 8 || scaleSamples > 100_000) {
            throw new IllegalArgumentException("scale_samples must be 8..100000");
        }
        positive("scale_every", scaleEvery);
        if (!(scaleRangeFraction >= 0 && scaleRangeFraction <= 1)) {
            throw new IllegalArgumentException("scale_range_fraction must be in 0..1");
        }
        positive("min_stream_rows", minStreamRows);
        if (!(bandNovelty > 0) || !(clearNovelty >= bandNovelty) || !(keepNovelty > 0) || !Double.isFinite(clearNovelty)) {
            throw new IllegalArgumentException("need 0 < band_novelty <= clear_novelty (finite) and keep_novelty > 0");
        }
        positive("band_confirm_rows", bandConfirmRows);
        if (!(bandConfirmSeconds >= 0) || bandConfirmSeconds > 86_400) {
            throw new IllegalArgumentException("band_confirm_seconds must be 0..86400");
        }
        positive("confirm_rows", confirmRows);
        positive("close_after_rows", closeAfterRows);
        positive("adopt_rows", adoptRows);
        positive("daily_bins", dailyBins);
        positive("weekly_bins", weeklyBins);
        if (dailyBins > 10_000 || weeklyBins > 10_000) {
            throw new IllegalArgumentException("season bins must be at most 10000");
        }
        if (dailyCycles < 2 || dailyCycles > 100 || weeklyCycles < 2 || weeklyCycles > 100) {
            throw new IllegalArgumentException("season cycles must be 2..100");
        }
        if (seasonMinCycles < 1 || seasonMinCycles > Math.min(dailyCycles, weeklyCycles)) {
            throw new IllegalArgumentException("season_min_cycles must be 1..the cycles kept");
        }
        if (!(seasonOff <= seasonOn) || !(seasonOn <= 1) || !(seasonOff >= -1)) {
            throw new IllegalArgumentException("need -1 <= season_off <= season_on <= 1");
        }
        if (!(shiftDrift >= 0) || !(shiftThreshold > 0) || !Double.isFinite(shiftThreshold)) {
            throw new IllegalArgumentException("shift_drift must be >= 0 and shift_threshold positive");
        }
        if (!(seasonMinR2 >= 0 && seasonMinR2 <= 1)) {
            throw new IllegalArgumentException("season_min_r2 must be in 0..1");
        }
        positive("shift_memory_rows", shiftMemoryRows);
        if (!(feedbackMargin >= 0) || feedbackMargin > 10) {
            throw new IllegalArgumentException("feedback_margin must be 0..10");
        }
        if (scaleFloors == null || scaleFloors.length != Metric.values().length) {
            throw new IllegalArgumentException("scale_floors needs one value per metric");
        }
        for (double f : scaleFloors) {
            if (!(f >= 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("scale floors must be finite and >= 0");
            }
        }
        scaleFloors = scaleFloors.clone();
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }

    /**
     * The configuration evaluated in docs/benchmarks.md. The size settings (scale_samples 144, weekly_bins 168,
     * weekly_cycles 2; 288, 336 and 3 before session 5) were chosen on search-10 for issue 17's per-host budget: the
     * objective is flat across them (0.774-0.794 over 20 settings, dev 0.720 from 144 up) and they take a host's
     * detector from 253 to 181 KB.
     */
    public static DetectorSettings defaults() {
        return new DetectorSettings(3, 24, 48, 56, 288, 8064, 24, 144, 4, 0.05, 100,
                2.5, 1.0, 1, 45, 0.5, 3, 12, 288,
                true, 288, 168, 5, 2, 2, 0.7, 0.5, 0.2,
                1.0, 12.0, 288,
                0.3, defaultFloors());
    }

    /**
     * Host metrics' smallest meaningful changes: below these a flat period would turn noise into anomalies (a root
     * disk that moves by 0.1 point is not news). Percentages in points, network in bytes per second, load in runnable
     * tasks.
     */
    public static double[] defaultFloors() {
        double[] f = new double[Metric.values().length];
        f[Metric.CPU.ordinal()] = 2.0;
        f[Metric.MEM.ordinal()] = 1.0;
        f[Metric.DISK.ordinal()] = 0.5;
        f[Metric.DISK_IO.ordinal()] = 2.0;
        f[Metric.NET_IN.ordinal()] = 10_000;
        f[Metric.NET_OUT.ordinal()] = 10_000;
        f[Metric.LOAD1.ordinal()] = 0.2;
        return f;
    }

    public double scaleFloor(Metric m) {
        return scaleFloors[m.ordinal()];
    }

    /** The horizon in rows at a sampling interval of {@code stepMillis}. */
    public int horizonRows(double stepMillis) {
        return (int) Math.max(horizonMinRows, Math.min(horizonMaxRows, Math.round(horizonDays * 86_400_000 / stepMillis)));
    }

    /** The parameters by their model-card names, in declaration order. */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spike_window", spikeWindow);
        p.put("level_window", levelWindow);
        p.put("spread_window", spreadWindow);
        p.put("horizon_days", horizonDays);
        p.put("horizon_min_rows", horizonMinRows);
        p.put("horizon_max_rows", horizonMaxRows);
        p.put("exclusion_rows", exclusionRows);
        p.put("scale_samples", scaleSamples);
        p.put("scale_every", scaleEvery);
        p.put("scale_range_fraction", scaleRangeFraction);
        p.put("min_stream_rows", minStreamRows);
        p.put("clear_novelty", clearNovelty);
        p.put("band_novelty", bandNovelty);
        p.put("band_confirm_rows", bandConfirmRows);
        p.put("band_confirm_seconds", bandConfirmSeconds);
        p.put("keep_novelty", keepNovelty);
        p.put("confirm_rows", confirmRows);
        p.put("close_after_rows", closeAfterRows);
        p.put("adopt_rows", adoptRows);
        p.put("seasons", seasons);
        p.put("daily_bins", dailyBins);
        p.put("weekly_bins", weeklyBins);
        p.put("daily_cycles", dailyCycles);
        p.put("weekly_cycles", weeklyCycles);
        p.put("season_min_cycles", seasonMinCycles);
        p.put("season_on", seasonOn);
        p.put("season_off", seasonOff);
        p.put("season_min_r2", seasonMinR2);
        p.put("shift_drift", shiftDrift);
        p.put("shift_threshold", shiftThreshold);
        p.put("shift_memory_rows", shiftMemoryRows);
        p.put("feedback_margin", feedbackMargin);
        return p;
    }

    /** The same settings with one parameter changed, by its model-card name (for the settings search and ablations). */
    public DetectorSettings with(String name, double v) {
        Map<String, Object> p = parameters();
        if (!p.containsKey(name)) {
            throw new IllegalArgumentException("unknown detector parameter '" + name + "' (known: " + String.join(", ", p.keySet()) + ")");
        }
        Object old = p.get(name);
        p.put(name, old instanceof Integer ? (Object) (int) Math.round(v) : old instanceof Boolean ? (Object) (v != 0) : (Object) v);
        return of(p, scaleFloors);
    }

    private static DetectorSettings of(Map<String, Object> p, double[] floors) {
        return new DetectorSettings(i(p, "spike_window"), i(p, "level_window"), i(p, "spread_window"), d(p, "horizon_days"),
                i(p, "horizon_min_rows"), i(p, "horizon_max_rows"), i(p, "exclusion_rows"), i(p, "scale_samples"),
                i(p, "scale_every"), d(p, "scale_range_fraction"), i(p, "min_stream_rows"), d(p, "clear_novelty"),
                d(p, "band_novelty"), i(p, "band_confirm_rows"), d(p, "band_confirm_seconds"),
                d(p, "keep_novelty"), i(p, "confirm_rows"),
                i(p, "close_after_rows"), i(p, "adopt_rows"), (Boolean) p.get("seasons"), i(p, "daily_bins"),
                i(p, "weekly_bins"), i(p, "daily_cycles"), i(p, "weekly_cycles"), i(p, "season_min_cycles"),
                d(p, "season_on"), d(p, "season_off"), d(p, "season_min_r2"), d(p, "shift_drift"), d(p, "shift_threshold"),
                i(p, "shift_memory_rows"), d(p, "feedback_margin"), floors);
    }

    private static int i(Map<String, Object> p, String k) {
        return (Integer) p.get(k);
    }

    private static double d(Map<String, Object> p, String k) {
        return ((Number) p.get(k)).doubleValue();
    }

    @Override
    public double[] scaleFloors() {
        return scaleFloors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorSettings s && parameters().equals(s.parameters()) && Arrays.equals(scaleFloors, s.scaleFloors);
    }

    @Override
    public int hashCode() {
        return parameters().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DetectorSettings[");
        parameters().forEach((k, v) -> sb.append(sb.length() > 17 ? ", " : "").append(k).append(' ')
                .append(v instanceof Double dv ? String.format(Locale.ROOT, "%s", dv) : v));
        return sb.append(']').toString();
    }
}
