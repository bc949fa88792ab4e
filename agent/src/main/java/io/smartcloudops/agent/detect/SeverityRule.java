package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;

/**
 * Severity from how novel the behaviour is and how far the leading metric is from its baseline, held back for host
 * metrics by how large the change still is, in the metric's own units, on the row being judged:
 * <ul>
 *   <li>novelty ratio r = novelty / novelty threshold (1 at the lower edge of the band the forest decides)
 *       and deviation d = |value - baseline median| / baseline scale of the leading metric;</li>
 *   <li>critical when r &gt;= 8 or d &gt;= 24; high when r &gt;= 4 or d &gt;= 12; medium when r &gt;= 2 or d &gt;= 6;
 *       low otherwise;</li>
 *   <li>for host metrics in known units (cpu, mem, disk, disk_io in percentage points, load1), the change
 *       |value - expected| at this row: under the metric's {@link #small small} change at most low, under its
 *       {@link #large large} one at most medium;</li>
 *   <li>then saturation raises it: memory or disk at 95 % or more is critical, CPU or disk busy at 95 % or more at
 *       least high.</li>
 * </ul>
 * Why: r and d are in units of the metric's own recent spread, which is tiny on an idle host, so one 5-second sample
 * of 12 % CPU after hours at 0.7 % was raised as high; an operator paged for that stops trusting the pages. How long
 * the change lasted counts through the row it is judged on: an anomaly is raised on the third anomalous row, so a
 * burst already over by then is judged by the little that is left of it (a one-sample spike: nothing), while a change
 * that lasts is judged by its full size, on every row of the incident (the record keeps its worst severity). Not by
 * holding a large change back for some rows: smartcloudops_anomalies_total, which the AnomalyCritical alert reads,
 * counts an anomaly under the severity it was raised with.
 */
public final class SeverityRule {

    private SeverityRule() {
    }

    /**
     * @param noveltyRatio  the row's novelty / band novelty
     * @param deviation     (value - expected) / the level feature's scale, of the leading metric
     * @param metric        the leading metric
     * @param value         its value at this row (NaN when missing)
     * @param expected      what it was expected to be at this row (NaN while unknown)
     * @param hostUnits     whether values are in the metric's known units (a host's series), not a series' own
     */
    public static Severity of(double noveltyRatio, double deviation, Metric metric, double value, double expected,
                              boolean hostUnits) {
        double d = Math.abs(deviation);
        Severity s;
        if (noveltyRatio >= 8 || d >= 24) {
            s = Severity.CRITICAL;
        } else if (noveltyRatio >= 4 || d >= 12) {
            s = Severity.HIGH;
        } else if (noveltyRatio >= 2 || d >= 6) {
            s = Severity.MEDIUM;
        } else {
            s = Severity.LOW;
        }
        double change = Math.abs(value - expected);
        if (hostUnits && !Double.isNaN(change) && !Double.isNaN(small(metric))) {
            Severity cap = change < small(metric) ? Severity.LOW
                    : change < large(metric) ? Severity.MEDIUM
                    : Severity.CRITICAL;
            if (s.compareTo(cap) > 0) {
                s = cap;
            }
        }
        if (hostUnits && value >= 95) {
            Severity saturated = switch (metric) {
                case MEM, DISK -> Severity.CRITICAL;
                case CPU, DISK_IO -> Severity.HIGH;
                default -> Severity.LOW;
            };
            if (saturated.compareTo(s) > 0) {
                s = saturated;
            }
        }
        return s;
    }

    /**
     * The change below which a metric's anomaly is at most low, in its own units; NaN for metrics without a scale an
     * operator shares (bytes per second: what is much depends on the link). A tenth of the CPU or of the disk's time,
     * a twentieth of the memory, one more runnable task on average; the disk's is its floor (0.5 points), since its
     * usage does not blip: what is written is there.
     */
    static double small(Metric metric) {
        return switch (metric) {
            case CPU, DISK_IO -> 10;
            case MEM -> 5;
            case DISK -> 0.5;
            case LOAD1 -> 1;
            case NET_IN, NET_OUT -> Double.NaN;
        };
    }

    /**
     * The change from which an anomaly may be high or critical: 25 points of CPU or disk busy (a quarter of the machine),
     * 10 of memory, 1 of disk (gigabytes on most disks; the recordings wrote 2.4 points in two minutes), a load 2 higher.
     */
    static double large(Metric metric) {
        return switch (metric) {
            case CPU, DISK_IO -> 25;
            case MEM -> 10;
            case DISK -> 1;
            case LOAD1 -> 2;
            case NET_IN, NET_OUT -> Double.NaN;
        };
    }
}
