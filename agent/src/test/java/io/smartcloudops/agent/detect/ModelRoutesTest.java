package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.model.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped model's card and reports through the API, as the console's Model screen reads them. */
class ModelRoutesTest {

    @TempDir
    Path dir;

    @Test
    void servesTheShippedModelCardAndItsReports() throws Exception {
        Path model = Path.of("../ml_models/anomaly_model.ser").toAbsolutePath().normalize();
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "local", "detect.model", model.toString()));
             AgentClient client = TestAgents.viewer(agent)) {
            ModelCard card = client.model();
            String sha = Json.sha(Files.readString(model.resolveSibling("model.json")));
            assertThat(card.card().path("sha256").asText()).isEqualTo(sha).hasSize(64);
            assertThat(card.card().path("agent_version").asText()).isNotBlank();
            assertThat(card.reports()).contains("nab.png", "faults.png");
            byte[] png = client.modelReport("nab.png");
            assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
            assertThat(png).isEqualTo(Files.readAllBytes(model.resolveSibling("reports/nab.png")));
            assertThatThrownBy(() -> client.modelReport("model.json")).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.error().detail()).startsWith("name:"));
            assertThatThrownBy(() -> client.modelReport("..%2Fmodel.png")).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.status()).isIn(400, 404));
            assertThatThrownBy(() -> client.modelReport("missing.png")).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void withoutAModelFileTheCardIsA404ThatSaysWhy() throws Exception {
        // the default detect.model (ml_models/anomaly_model.ser) is relative and absent from agent/: every host learns
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "local"));
             AgentClient client = TestAgents.viewer(agent)) {
            assertThatThrownBy(client::model).isInstanceOfSatisfying(AgentApiException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.error().detail()).contains("no model card").contains("every host then learns");
            });
        }
    }

    /** The card's SHA-256 field as written: read it back from the file (not recomputed). */
    private static final class Json {
        static String sha(String cardText) throws Exception {
            return io.smartcloudops.api.Json.mapper().readTree(cardText).path("sha256").asText();
        }
    }
}
