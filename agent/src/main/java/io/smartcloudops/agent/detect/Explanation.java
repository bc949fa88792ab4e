package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.time.DurationText;
import java.time.Duration;
import java.util.Locale;

/**
 * What moved in one metric, in its own terms, for an anomaly's summary: the value against its expected range when
 * the value itself is outside that range by at least the metric's smallest meaningful change ({@code cpu 97.0% (expected 20.0%-35.0% at this hour)}); otherwise the
 * feature that made the metric novel, against the edge of its trailing range: a spike that is already over
 * ({@code cpu spiked to 12.0% (up to 0.7% before)}), a level ({@code mem averaged 31.0% over the last 2m (at most
 * 24.0% before)}) or a spread ({@code load1 varied more than before over the last 4m (std 1.30, at most 0.31 before)}).
 * A metric following a season is described by its distance from the season's expectation.
 */
final class Explanation {

    private Explanation() {
    }

    /**
     * @param t          the metric's track, at the row being explained
     * @param hostUnits  whether values are in the metric's known units (host metrics) or the series' own (NAB)
     * @param s          the settings (feature windows)
     * @param stepMillis the series' sampling interval (NaN while unknown)
     */
    static String of(MetricTrack t, boolean hostUnits, DetectorSettings s, double stepMillis) {
        Metric m = t.metric();
        String name = m.key();
        double value = t.value();
        double[] usual = t.usualRange();
        String when = switch (t.season()) {
            case NONE -> "";
            case DAILY -> " at this hour";
            case WEEKLY -> " at this time of the week";
        };
        int f = t.movedFeature();
        // the value moved when it lies outside its usual range by at least the metric's smallest meaningful change
        double minChange = hostUnits ? s.scaleFloor(m) : 0;
        boolean valueMoved = usual != null && !Double.isNaN(value)
                && (value - usual[1] >= minChange && value > usual[1] || usual[0] - value >= minChange && value < usual[0]);
        if (usual == null || f < 0 || valueMoved) {
            String v = format(m, hostUnits, value);
            return usual == null ? name + " " + v
                    : name + " " + v + " (expected " + format(m, hostUnits, usual[0]) + "-" + format(m, hostUnits, usual[1]) + when + ")";
        }
        double[] fe = t.featureAndEdge(f);
        double x = fe[0];
        double edge = fe[1];
        boolean seasonal = t.season() != Season.NONE;
        boolean up = Double.isNaN(edge) || x >= edge;
        String bound = up ? "at most " : "at least ";
        return switch (f) {
            case FeatureStream.SPIKE_UP -> seasonal
                    ? name + " spiked " + signed(m, hostUnits, x) + " from the usual" + when + " (up to " + signed(m, hostUnits, edge) + " before)"
                    : name + " spiked to " + format(m, hostUnits, x) + " (up to " + format(m, hostUnits, edge) + " before)";
            case FeatureStream.SPIKE_DOWN -> seasonal
                    ? name + " dropped " + signed(m, hostUnits, x) + " from the usual" + when + " (down to " + signed(m, hostUnits, edge) + " before)"
                    : name + " dropped to " + format(m, hostUnits, x) + " (down to " + format(m, hostUnits, edge) + " before)";
            case FeatureStream.LEVEL -> seasonal
                    ? name + " averaged " + signed(m, hostUnits, x) + " from the usual" + when + " over the last "
                            + span(s.levelWindow(), stepMillis) + " (" + bound + signed(m, hostUnits, edge) + " before)"
                    : name + " averaged " + format(m, hostUnits, x) + " over the last " + span(s.levelWindow(), stepMillis)
                            + " (" + bound + format(m, hostUnits, edge) + " before)";
            case FeatureStream.SPREAD -> name + (up ? " varied more" : " steadier") + " than before over the last "
                    + span(s.spreadWindow(), stepMillis) + " (std " + format(m, hostUnits, x) + ", " + bound
                    + format(m, hostUnits, edge) + " before)";
            default -> throw new IllegalStateException("feature " + f);
        };
    }

    /** The time {@code rows} rows cover at the sampling interval ({@code 2m}), or the rows while it is unknown. */
    private static String span(int rows, double stepMillis) {
        return Double.isNaN(stepMillis) ? rows + " rows" : DurationText.format(Duration.ofMillis(Math.round(rows * stepMillis)));
    }

    private static String signed(Metric m, boolean hostUnits, double v) {
        return (v >= 0 ? "+" : "") + format(m, hostUnits, v);
    }

    static String format(Metric m, boolean hostUnits, double v) {
        return hostUnits ? m.format(v) : number(v);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return a >= 1e5 || (a > 0 && a < 1e-2) ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
