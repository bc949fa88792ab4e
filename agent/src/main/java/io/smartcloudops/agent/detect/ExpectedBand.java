package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.time.Instant;

/**
 * What the detector expects of one metric of one host at the latest scored sample: the expected value and
 * the band outside which that sample counts as unusual for this host (the alarm threshold in the metric's
 * own units). A value outside the band is not an alarm by itself: an alarm also needs the deviation to be
 * unusual for this host's history and to last (see docs/architecture.md, "Detection").
 *
 * @param metric   the metric
 * @param at       timestamp of the latest scored sample
 * @param value    its value (NaN when the sample lacked the metric)
 * @param expected what the detector expected at that time
 * @param lower    lower edge of the band
 * @param upper    upper edge of the band
 * @param basis    what the expectation rests on: {@link Season#NONE} = the recent level, else that cycle
 */
public record ExpectedBand(Metric metric, Instant at, double value, double expected, double lower, double upper,
                           Season basis) {

    public ExpectedBand {
        if (!(lower <= expected && expected <= upper)) {
            throw new IllegalArgumentException("band must hold its expected value: " + lower + " <= " + expected + " <= " + upper);
        }
    }

    /** Whether the value lies outside the band. */
    public boolean outside() {
        return value < lower || value > upper;
    }
}
