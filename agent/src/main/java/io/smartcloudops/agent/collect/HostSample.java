package io.smartcloudops.agent.collect;

import io.smartcloudops.api.Metric;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The values of one host at one instant. Metrics the source could not measure are absent, never zero.
 */
public record HostSample(String host, Instant timestamp, Map<Metric, Double> values) {

    public HostSample {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timestamp, "timestamp");
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        values.forEach((m, v) -> {
            if (v != null && Double.isFinite(v)) {
                copy.put(m, v);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public OptionalDouble value(Metric metric) {
        Double v = values.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Values keyed by wire name, in {@link Metric} order (for JSON). */
    public Map<String, Double> valuesByKey() {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((m, v) -> out.put(m.key(), v));
        return out;
    }
}
