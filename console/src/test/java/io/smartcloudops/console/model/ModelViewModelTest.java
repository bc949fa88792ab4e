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
}
