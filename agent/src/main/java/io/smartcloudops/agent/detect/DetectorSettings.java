package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The one detector configuration, used for every series and host (evaluated on the NAB development set
 * and the fault recordings; every value is explained in ml_models/model.json). Windows and counts are
 * in rows (samples), so the detector behaves the same at 5-second and 5-minute sampling relative to the
 * number of samples it has seen.
 *
 * @param shortWindow       rows of the short rolling mean (spikes)
 * @param levelWindow       rows of the level rolling mean (level shifts, drifts)
 * @param spreadWindow      rows of the rolling standard deviation (variance changes)
 * @param noveltyHorizon    a feature value is novel when it lies beyond the fitted rows' range and beyond
 *                          the range of the rows [i - horizon, i - exclusion] ("not seen recently either")
 * @param noveltyExclusion  most recent rows left out of that trailing range, so a slowly growing anomaly
 *                          is compared with how things were before it began
 * @param noveltyThreshold  the borderline band's lower edge: a feature beyond that range by this many robust
 *                          scale units (scale = max(IQR, std/2, range/20, floor) of the fitted rows) makes the
 *                          row anomalous if the isolation forest confirms it (score at least the gate)
 * @param clearNovelty      novelty (same units) that makes a row anomalous whatever the forest says; equal to
 *                          {@code noveltyThreshold} when the forest should decide nothing
 * @param confirmRows       consecutive anomalous rows before an anomaly is raised
 * @param closeAfterRows    consecutive normal rows that end an incident
 * @param refractoryRows    rows after an incident was raised before the next one may be raised
 * @param isolationGate     a borderline row is anomalous only if its isolation-forest score is at least this
 *                          quantile of the fitted rows' scores (1 = above every fitted row; 0 = always)
 * @param trees             isolation trees
 * @param sampleSize        rows each tree is grown on
 * @param seed              forest seed
 * @param scaleFloors       smallest scale per {@link Metric} (by ordinal) for host metrics, whose units are
 *                          known; one-metric (NAB) series use only the relative floors
 */
public record DetectorSettings(int shortWindow, int levelWindow, int spreadWindow,
                               int noveltyHorizon, int noveltyExclusion, double noveltyThreshold,
                               double clearNovelty, int confirmRows, int closeAfterRows, int refractoryRows,
                               double isolationGate, int trees, int sampleSize, long seed,
                               double[] scaleFloors) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Features per metric: short mean, level mean, spread. */
    public static final int FEATURES_PER_METRIC = 3;

    public DetectorSettings {
        positive("short_window", shortWindow);
        positive("level_window", levelWindow);
        if (spreadWindow < 2) {
            throw new IllegalArgumentException("spread_window must be at least 2");
        }
        if (noveltyExclusion < 1 || noveltyHorizon <= noveltyExclusion) {
            throw new IllegalArgumentException("need 1 <= novelty_exclusion < novelty_horizon");
        }
        if (!(noveltyThreshold > 0)) {
            throw new IllegalArgumentException("novelty_threshold must be positive");
        }
        if (!(clearNovelty >= noveltyThreshold)) {
            throw new IllegalArgumentException("clear_novelty must be at least novelty_threshold");
        }
        positive("confirm_rows", confirmRows);
        positive("close_after_rows", closeAfterRows);
        if (refractoryRows < 0) {
            throw new IllegalArgumentException("refractory_rows must be 0 or more");
        }
        if (!(isolationGate >= 0 && isolationGate <= 1)) {
            throw new IllegalArgumentException("isolation_gate must be a quantile in 0..1");
        }
        positive("trees", trees);
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sample_size must be at least 2");
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

    /** The configuration evaluated in docs/benchmarks.md. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(3, 24, 48, 1152, 48, 1.5, 2.5, 3, 12, 0, 1.0, 100, 256, 0, defaultFloors());
    }

    /**
     * Host metrics' smallest meaningful changes: below these a flat learning period would turn noise into
     * anomalies. Percentages in points, network in bytes per second, load in runnable tasks.
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

    /** Rows of raw history the feature windows need. */
    public int memoryRows() {
        return Math.max(shortWindow, Math.max(levelWindow, spreadWindow));
    }

    public DetectorSettings withSeed(long newSeed) {
        return new DetectorSettings(shortWindow, levelWindow, spreadWindow, noveltyHorizon, noveltyExclusion,
                noveltyThreshold, clearNovelty, confirmRows, closeAfterRows, refractoryRows, isolationGate, trees, sampleSize, newSeed,
                scaleFloors);
    }

    /** The same configuration with another decision rule (for ablations: the band, the gate). */
    public DetectorSettings withDecision(double newNoveltyThreshold, double newClearNovelty, double newIsolationGate) {
        return new DetectorSettings(shortWindow, levelWindow, spreadWindow, noveltyHorizon, noveltyExclusion,
                newNoveltyThreshold, newClearNovelty, confirmRows, closeAfterRows, refractoryRows, newIsolationGate, trees,
                sampleSize, seed, scaleFloors);
    }

    @Override
    public double[] scaleFloors() {
        return scaleFloors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorSettings s && shortWindow == s.shortWindow && levelWindow == s.levelWindow
                && spreadWindow == s.spreadWindow && noveltyHorizon == s.noveltyHorizon
                && noveltyExclusion == s.noveltyExclusion && Double.compare(noveltyThreshold, s.noveltyThreshold) == 0
                && Double.compare(clearNovelty, s.clearNovelty) == 0
                && confirmRows == s.confirmRows && closeAfterRows == s.closeAfterRows
                && refractoryRows == s.refractoryRows && Double.compare(isolationGate, s.isolationGate) == 0
                && trees == s.trees && sampleSize == s.sampleSize && seed == s.seed
                && Arrays.equals(scaleFloors, s.scaleFloors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {shortWindow, levelWindow, spreadWindow, noveltyHorizon, noveltyThreshold, seed});
    }

    @Override
    public String toString() {
        return "DetectorSettings[windows " + shortWindow + "/" + levelWindow + "/" + spreadWindow + ", novelty "
                + noveltyThreshold + " (forest-confirmed) / " + clearNovelty + " over " + noveltyHorizon + "-" + noveltyExclusion + " rows, confirm " + confirmRows
                + ", close " + closeAfterRows + ", refractory " + refractoryRows + ", gate q" + isolationGate + ", "
                + trees + " trees x " + sampleSize + ", seed " + seed + "]";
    }
}
