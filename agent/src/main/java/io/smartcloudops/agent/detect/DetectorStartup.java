package io.smartcloudops.agent.detect;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.config.DetectConfig;
import io.smartcloudops.agent.events.EventBus;
import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the agent's {@link OnlineDetector} from the {@code detect:} and {@code logs:} configuration: loads
 * and verifies the model (a configured model that is missing, changed or foreign stops the agent with an
 * error naming {@code detect.model}; the default one may simply be absent) and reloads recent anomalies.
 */
public final class DetectorStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorStartup.class);

    private DetectorStartup() {
    }

    /** What /status shows of the card: when and with what it was made, its parameters and measured figures. */
    static Map<String, Object> cardEssentials(Path card) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            JsonNode node = Json.mapper().readTree(Files.readString(card));
            for (String key : List.of("created_at", "agent_version", "parameters")) {
                if (node.has(key)) {
                    out.put(key, Json.mapper().convertValue(node.get(key), Object.class));
                }
            }
            Map<String, Object> evaluations = new LinkedHashMap<>();
            node.path("evaluations").properties().forEach(e ->
                    evaluations.put(e.getKey(), Json.mapper().convertValue(e.getValue().path("overall"), Object.class)));
            out.put("evaluations", evaluations);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the model card {}: {}", card, e.toString());
        }
        return out;
    }

    public static OnlineDetector start(DetectConfig config, Path logsDir, int retentionDays, EventBus bus,
                                       PrometheusRegistry registry, Clock clock) {
        DetectorModel model;
        OnlineDetector.ModelSource source;
        String path = config.model().trim();
        if (path.isEmpty()) {
            model = DetectorModel.untrained(DetectorSettings.defaults());
            source = new OnlineDetector.ModelSource("", null, "no model configured: built-in configuration, every host learns first",
                    Map.of());
        } else if (!Files.exists(Path.of(path)) && path.equals(DetectConfig.DEFAULT_MODEL)) {
            model = DetectorModel.untrained(DetectorSettings.defaults());
            source = new OnlineDetector.ModelSource(path, null, "no model file here: built-in configuration, every host learns first",
                    Map.of());
            LOG.info("no model at {} (relative to {}): every host learns for {} samples first", path,
                    Path.of("").toAbsolutePath(), config.minSamples());
        } else {
            try {
                Path file = Path.of(path);
                model = ModelFile.read(file);
                source = new OnlineDetector.ModelSource(path, ModelFile.sha256(file), "loaded and verified against "
                        + ModelFile.cardFor(file).getFileName(), cardEssentials(ModelFile.cardFor(file)));
                LOG.info("model {} loaded: {} trained host(s)", path, model.hostList().size());
            } catch (ModelFileException e) {
                throw new ConfigException("detect.model", e.getMessage());
            } catch (IOException e) {
                throw new ConfigException("detect.model", "cannot read " + path + ": " + e.getMessage());
            }
        }
        AnomalyLog log = new AnomalyLog(logsDir, retentionDays);
        log.prune(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        String stateDir = config.stateDir().trim();
        Optional<DetectorStateStore> states = stateDir.equalsIgnoreCase("none") ? Optional.empty()
                : Optional.of(new DetectorStateStore(stateDir.isEmpty() ? logsDir.resolve("detector-state") : Path.of(stateDir)));
        OnlineDetector detector = new OnlineDetector(model, source, config.minSamples(), log, new AnomalyStore(config.recent()),
                bus, registry, states);
        try {
            detector.reload(retentionDays > 0 ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(retentionDays) : null);
        } catch (IOException e) {
            LOG.error("cannot reload anomalies from {}: starting with none in memory", logsDir, e);
        }
        return detector;
    }
}
