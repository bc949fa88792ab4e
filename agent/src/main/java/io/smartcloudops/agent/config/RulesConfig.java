package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * The rule engine.
 *
 * @param path        {@code rules.yaml} (see {@code agent/rules.example.yaml}); empty = no rules
 * @param anomalyHold an anomaly condition stays true this long after the detector last reported the
 *                    anomaly open, unless it reports the anomaly closed first
 */
public record RulesConfig(String path, Duration anomalyHold) {

    public static RulesConfig defaults() {
        return new RulesConfig(null, Duration.ofMinutes(5));
    }
}
