package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading checks the SHA-256 from model.json and admits only the model's own classes. */
class ModelFileTest {

    @TempDir
    Path dir;

    private Path model;
    private DetectorModel trained;

    @BeforeEach
    void train() throws Exception {
        Path csv = SpikeSeries.write(dir.resolve("web-1.csv"), 300, -1, 0, 1);
        var table = SeriesCsvReader.read(csv, Optional.empty());
        SeriesDetector d = BatchDetector.run(table, DetectorSettings.defaults()).detector();
        trained = DetectorModel.of(DetectorSettings.defaults(), List.of(new HostModel("web-1", d.snapshot())));
        model = dir.resolve("anomaly_model.ser");
        String sha = ModelFile.write(model, trained);
        ModelCard.write(ModelFile.cardFor(model), ModelCard.build(model, sha, trained, List.of(), java.time.Instant.now()));
    }

    @Test
    void aTrainedModelReadsBackEqual() throws Exception {
        assertThat(ModelFile.read(model)).usingRecursiveComparison()
                .withEqualsForType((a, b) -> Float.compare(a, b) == 0, Float.class)
                .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class).isEqualTo(trained);
        assertThat(Files.size(model)).isLessThan(3_000_000);
    }

    @Test
    void aChangedByteIsRefusedWithTheReason() throws Exception {
        byte[] b = Files.readAllBytes(model);
        b[b.length / 2] ^= 1;
        Files.write(model, b);
        assertThatThrownBy(() -> ModelFile.read(model)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("refused").hasMessageContaining("SHA-256").hasMessageContaining("changed after training");
    }

    @Test
    void aForeignSerialisedObjectIsRefusedEvenWhenTheCardWasChangedToo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(Map.of("not", "a model")));
        }
        Files.write(model, bytes.toByteArray());
        rewriteCardSha(ModelFile.sha256(model));
        assertThatThrownBy(() -> ModelFile.read(model)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("java.util.HashMap").hasMessageContaining("which a model never holds");
    }

    @Test
    void aFileThatIsNotSerialisedJavaIsRefused() throws Exception {
        Files.writeString(model, "{\"hello\": \"world\"}");
        rewriteCardSha(ModelFile.sha256(model));
        assertThatThrownBy(() -> ModelFile.read(model)).hasMessageContaining("not a model file");
    }

    @Test
    void aModelWithoutItsCardIsRefused() throws Exception {
        Files.delete(ModelFile.cardFor(model));
        assertThatThrownBy(() -> ModelFile.read(model)).hasMessageContaining("no model.json beside it");
    }

    @Test
    void theAgentRefusesToStartWithATamperedModel() throws Exception {
        byte[] b = Files.readAllBytes(model);
        b[b.length - 10] ^= 0x20;
        Files.write(model, b);
        assertThatThrownBy(() -> TestAgents.start(dir, Map.of("source.spec", "local", "detect.model", model.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("detect.model").hasMessageContaining("SHA-256");
    }

    @Test
    void theAgentScoresATrainedHostFromItsFirstSample() throws Exception {
        Path csv = SpikeSeries.write(dir.resolve("web-1.csv"), 30, -1, 0, 2);
        try (var agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=500", "source.interval", "100ms",
                "detect.model", model.toString()));
             var client = TestAgents.viewer(agent)) {
            Eventually.within("the host in /status", Duration.ofSeconds(10)).until(() -> !client.status().hosts().isEmpty());
            assertThat(client.status().hosts().getFirst().detector()).isEqualTo("scoring");
            assertThat(client.status().components().get("detector").toString()).contains("trained_hosts=[web-1]");
        }
    }

    private void rewriteCardSha(String sha) throws Exception {
        Path card = ModelFile.cardFor(model);
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(Files.readString(card));
        node.put("sha256", sha);
        Files.writeString(card, Json.write(node));
    }
}
