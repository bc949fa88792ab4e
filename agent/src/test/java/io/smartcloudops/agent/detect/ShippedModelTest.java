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
        JsonNode p = card.path("parameters");
        m.settings().parameters().forEach((k, v) -> assertThat(p.path(k).asText()).as(k).isEqualTo(String.valueOf(v)));
        for (HostModel h : m.hostList()) {
            // a trained host carries the state its history left: it has seen rows and goes on scoring at once
            assertThat(h.state().row()).isGreaterThan(h.state().learningRows());
        }
        // the card records figures measured with this very model
        assertThat(card.path("evaluations").path("nab_development").path("overall").path("event_f1_cap12").asDouble())
                .isGreaterThanOrEqualTo(0.50);
        assertThat(card.path("evaluations").path("nab_development").path("settings").asText())
                .isEqualTo(m.settings().toString());
    }
}
