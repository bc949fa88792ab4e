package io.smartcloudops.agent.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An operator's verdict on an anomaly ({@code POST /anomalies/{id}/feedback}). */
public enum Verdict {
    /** not an anomaly: what was flagged becomes part of the host's normal for those metrics */
    FALSE_ALARM,
    /** a real anomaly: the flagged pattern stays abnormal (a later false-alarm verdict cannot widen normal past it) */
    CONFIRMED;

    /** {@code false_alarm} or {@code confirmed}, the wire name. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By wire name; empty when unknown. */
    public static Optional<Verdict> fromKey(String key) {
        return key == null ? Optional.empty()
                : Arrays.stream(values()).filter(v -> v.key().equals(key.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
