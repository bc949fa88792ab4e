package io.smartcloudops.api.events;

import java.time.Instant;
import java.util.Map;

/**
 * SSE event {@code sample}: one new sample of one host.
 *
 * @param host      the host
 * @param timestamp when the values were measured
 * @param values    value per metric key
 */
public record SampleEvent(String host, Instant timestamp, Map<String, Double> values) {
}
