package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The model the agent starts with (ml_models/anomaly_model.ser): it loads through the verified path, it was
 * trained with the configuration this code evaluates, and its card says so. Fails when the detector changes
 * without retraining (ml_models/README.md, "Retrain the shipped model").
 */
class ShippedModelTest {

    private static Path shipped() {
        for (Path p : new Path[] {Path.of("../ml_models/anomaly_model.ser"), Path.of("ml_models/anomaly_model.ser")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("ml_models/anomaly_model.ser not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void theShippedModelLoadsAndMatchesTheBuiltInConfiguration() throws Exception {
        Path model = shipped();
        DetectorModel m = ModelFile.read(model);
        assertThat(m.formatVersion()).isEqualTo(DetectorModel.FORMAT_VERSION);
        assertThat(m.settings()).isEqualTo(DetectorSettings.defaults());
        assertThat(m.hostList()).isNotEmpty();

        JsonNode card = Json.mapper().readTree(ModelFile.cardFor(model).toFile());
        assertThat(card.path("sha256").asText()).isEqualTo(ModelFile.sha256(model));
        assertThat(card.path("format_version").asInt()).isEqualTo(DetectorModel.FORMAT_VERSION);
        JsonNode t = card.path("thresholds");
        assertThat(t.path("novelty_threshold").asDouble()).isEqualTo(m.settings().noveltyThreshold());
        assertThat(t.path("clear_novelty").asDouble()).isEqualTo(m.settings().clearNovelty());
        assertThat(t.path("isolation_gate_quantile").asDouble()).isEqualTo(m.settings().isolationGate());
        for (HostModel h : m.hostList()) {
            SeriesModel s = h.model();
            // the gate at quantile 1 is the highest isolation score among the host's fitted rows: a real score
            assertThat(s.isolationGate()).isBetween(0.5, 1.0);
        }
        // the card records figures measured with this very model
        assertThat(card.path("evaluations").path("nab_development").path("overall").path("event_f1_cap12").asDouble())
                .isGreaterThanOrEqualTo(0.60);
        assertThat(card.path("evaluations").path("nab_development").path("settings").asText())
                .isEqualTo(m.settings().toString());
    }
}
