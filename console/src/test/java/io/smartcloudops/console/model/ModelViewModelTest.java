package io.smartcloudops.console.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelViewModelTest {

    private static AgentStatus status(Map<String, Object> components) {
        return new AgentStatus("0.2.0", Instant.EPOCH, 1, new SourceStatus("local", "local", true, null, null, null, 0, 5),
                List.of(), components);
    }

    @Test
    void saysPlainlyWhenTheAgentHasNoModel() {
        ModelViewModel vm = new ModelViewModel();
        vm.applyStatus(status(Map.of()));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("publishes no model card").contains("0.2.0");
    }

    @Test
    void flattensTheDetectorComponentIntoRows() {
        ModelViewModel vm = new ModelViewModel();
        vm.applyStatus(status(Map.of("detector", Map.of("model", Map.of("trees", 100, "sha256", "ab12"),
                "evaluation", Map.of("f1", 0.71234)))));
        assertThat(vm.rows()).extracting(ModelViewModel.Row::key)
                .contains("detector.model.trees", "detector.model.sha256", "detector.evaluation.f1");
        assertThat(vm.rows()).contains(new ModelViewModel.Row("detector.evaluation.f1", "0.7123"));
        assertThat(vm.messageProperty().get()).startsWith("Model card as reported by agent 0.2.0");
    }

    @Test
    void theFullCardFromTheAgentWinsOverTheStatusSummary() {
        ModelViewModel vm = new ModelViewModel();
        com.fasterxml.jackson.databind.node.ObjectNode card = io.smartcloudops.api.Json.mapper().createObjectNode();
        card.put("sha256", "43c8");
        card.putObject("parameters").put("trees", 100);
        vm.applyCard(new io.smartcloudops.api.model.ModelCard("ml_models/anomaly_model.ser", card, List.of("nab.png")));
        assertThat(vm.rows()).contains(new ModelViewModel.Row("card.sha256", "43c8"), new ModelViewModel.Row("card.parameters.trees", "100"));
        assertThat(vm.messageProperty().get()).contains("ml_models/anomaly_model.ser").contains("nab.png");
        vm.applyStatus(status(Map.of("detector", Map.of("hosts", 3))));
        assertThat(vm.rows()).as("/status does not replace the card").extracting(ModelViewModel.Row::key).doesNotContain("detector.hosts");
        vm.applyReport("nab.png", new byte[] {1});
        vm.applyReport("nab.png", new byte[] {2});
        assertThat(vm.reports()).hasSize(1);
    }

    @Test
    void withoutACardTheStatusSummaryStaysAndTheReasonIsShown() {
        ModelViewModel vm = new ModelViewModel();
        vm.cardUnavailable("this agent has no model card");
        assertThat(vm.messageProperty().get()).contains("this agent has no model card");
    }
}
