package io.smartcloudops.api.anomaly;

/**
 * A metric that drove an anomaly.
 *
 * @param metric    metric key ({@code cpu}, {@code mem}, ...)
 * @param value     the value at detection
 * @param baseline  the host's usual value (median of the learned window)
 * @param deviation how unusual the value is, in robust standard deviations (signed)
 */
public record Contributor(String metric, double value, double baseline, double deviation) {
}
