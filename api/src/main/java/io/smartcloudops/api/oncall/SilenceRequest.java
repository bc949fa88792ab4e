package io.smartcloudops.api.oncall;

import java.util.Map;

/**
 * Body of {@code POST /silences}: at least one of host, metric, rule and labels, a duration and a reason.
 *
 * @param host     a host as the agent names it
 * @param metric   a metric key ({@code cpu}, {@code mem}, ...)
 * @param rule     a rule name of {@code rules.yaml}
 * @param labels   alert labels that must all match, e.g. {@code {"alertname": "HighCPU"}}
 * @param duration how long it holds: {@code 15m}, {@code 1h}, {@code 4h} (at most 30 days)
 * @param reason   why (required, at most 500 characters)
 */
public record SilenceRequest(String host, String metric, String rule, Map<String, String> labels, String duration,
                             String reason) {

    /** Snoozes one host. */
    public static SilenceRequest host(String host, String duration, String reason) {
        return new SilenceRequest(host, null, null, null, duration, reason);
    }
}
