package io.smartcloudops.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.client.AgentApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LogsViewModelTest {

    private final List<Map<String, String>> queries = new ArrayList<>();
    private final List<Consumer<JsonNode>> answers = new ArrayList<>();
    private final LogsViewModel vm = new LogsViewModel((q, ok, err) -> {
        queries.add(q);
        answers.add(ok);
    });

    @Test
    void filtersBecomeTheQueryAndNothingIsAskedBeforeTheAgentOffersLogs() {
        vm.sinceProperty().set("10m");
        assertThat(queries).isEmpty();
        vm.offeredProperty().set(true);
        assertThat(queries.getLast()).containsExactly(Map.entry("since", "10m"), Map.entry("limit", "500"));
        answers.getLast().accept(Json.mapper().createObjectNode());
        vm.actionProperty().set("scale_up");
        answers.getLast().accept(Json.mapper().createObjectNode());
        vm.instanceProperty().set(" web-1 ");
        vm.resultProperty().set("success");
        assertThat(vm.query()).containsEntry("action", "scale_up").containsEntry("instance", "web-1")
                .containsEntry("result", "success");
    }

    @Test
    void newestFirstAndOneRequestAtATime() throws Exception {
        vm.offeredProperty().set(true);
        vm.reload();
        assertThat(queries).hasSize(1);
        answers.getFirst().accept(Json.mapper().readTree("""
                {"records":[
                  {"timestamp":"2026-01-05T10:00:00Z","event":"finished","action":"scale_up","instance":"web-1","result":"success","trigger":"operator","actor":"ops","dry_run":false},
                  {"timestamp":"2026-01-05T11:00:00Z","event":"proposed","action":"restart_service","instance":"web-1","result":"pending","trigger":"chat","actor":"ops","dry_run":false}
                ],"truncated":true}"""));
        assertThat(queries).hasSize(2);
        assertThat(vm.rows()).extracting(LogsViewModel.Row::event).containsExactly("proposed", "finished");
        assertThat(vm.messageProperty().get()).isEqualTo("2 records since 24h (more matched: showing the newest 500)");
    }
}
