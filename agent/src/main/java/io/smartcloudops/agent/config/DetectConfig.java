package io.smartcloudops.agent.config;

/**
 * The anomaly detector.
 *
 * @param enabled    score samples and raise anomalies
 * @param model      model file written by {@code train} (its model.json beside it); hosts it knows are scored
 *                   from their first sample. Empty: none. The default path may be absent (then every host learns).
 * @param minSamples samples a host without a trained model learns from before it is scored
 *                   (120 = 10 minutes at the local 5 s interval)
 * @param recent     anomalies kept in memory for {@code GET /anomalies} (older ones stay in the log files)
 * @param stateDir   where each host's detector state is saved (every few minutes and at shutdown) and reloaded at start,
 *                   so a restarted agent goes on scoring as if it had never stopped; empty: {@code detector-state} under
 *                   {@code logs.dir}; {@code none}: not saved (every host learns again after a restart)
 */
public record DetectConfig(boolean enabled, String model, int minSamples, int recent, String stateDir) {

    public static final String DEFAULT_MODEL = "ml_models/anomaly_model.ser";

    public static DetectConfig defaults() {
        return new DetectConfig(true, DEFAULT_MODEL, 120, 1000, "");
    }
}
