package io.smartcloudops.api.anomaly;

/**
 * A metric that drove an anomaly.
 *
 * @param metric      metric key ({@code cpu}, {@code mem}, ...)
 * @param value       the value at detection
 * @param baseline    the host's usual value (median of the learned window)
 * @param deviation   how unusual the value is, in robust standard deviations (signed)
 * @param explanation what moved, in the metric's own terms: the value against its expected range when the value
 *                    moved ({@code cpu 97.0% (expected 20.0%-35.0% at this hour)}), otherwise the feature that moved
 *                    ({@code cpu spiked to 12.0% (up to 0.7% before)}); empty for records written before it existed
 */
public record Contributor(String metric, double value, double baseline, double deviation, String explanation) {

    public Contributor {
        explanation = explanation == null ? "" : explanation;
    }

    /** A contributor without an explanation (records written before explanations existed, tests). */
    public Contributor(String metric, double value, double baseline, double deviation) {
        this(metric, value, baseline, deviation, "");
    }
}
