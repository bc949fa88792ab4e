package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;

/**
 * Severity from how novel the behaviour is and how far the leading metric is from its baseline:
 * <ul>
 *   <li>novelty ratio r = novelty / novelty threshold (1 at the lower edge of the band the forest decides)
 *       and deviation d = |value - baseline median| / baseline scale of the leading metric;</li>
 *   <li>critical when r &gt;= 8 or d &gt;= 24; high when r &gt;= 4 or d &gt;= 12; medium when r &gt;= 2 or d &gt;= 6;
 *       low otherwise;</li>
 *   <li>for host metrics (known units) saturation raises it: memory or disk at 95 % or more is critical,
 *       CPU or disk busy at 95 % or more at least high.</li>
 * </ul>
 */
public final class SeverityRule {

    private SeverityRule() {
    }

    public static Severity of(double noveltyRatio, double deviation, Metric metric, double value, boolean hostUnits) {
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
}
