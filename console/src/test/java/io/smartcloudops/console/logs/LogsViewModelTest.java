package io.smartcloudops.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditRecordList;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LogsViewModelTest {

    private final List<Map<String, String>> queries = new ArrayList<>();
    private final List<Consumer<AuditRecordList>> answers = new ArrayList<>();
    private final LogsViewModel vm = new LogsViewModel((q, ok, err) -> {
        queries.add(q);
        answers.add(ok);
    });

    private static AuditRecord record(String time, String event, String result) {
        return AuditRecord.builder(Instant.parse(time), AuditEvent.fromKey(event).orElseThrow())
                .action(ActionType.SCALE_UP).instance("web-1", null).result(AuditResult.fromKey(result).orElseThrow())
                .by(Trigger.OPERATOR, "ops").requestId("r1").detail("").params(Map.of()).build();
    }

    @Test
    void filtersBecomeTheQueryAndNothingIsAskedBeforeTheAgentOffersLogs() {
        vm.sinceProperty().set("10m");
        assertThat(queries).isEmpty();
        vm.offeredProperty().set(true);
        assertThat(queries.getLast()).containsExactly(Map.entry("since", "10m"), Map.entry("limit", "500"));
        answers.getLast().accept(new AuditRecordList(List.of(), false));
        vm.actionProperty().set("scale_up");
        answers.getLast().accept(new AuditRecordList(List.of(), false));
        vm.instanceProperty().set(" web-1 ");
        vm.resultProperty().set("success");
        assertThat(vm.query()).containsEntry("action", "scale_up").containsEntry("instance", "web-1")
                .containsEntry("result", "success");
    }

    @Test
    void newestFirstAndOneRequestAtATime() {
        vm.offeredProperty().set(true);
        vm.reload();
        assertThat(queries).hasSize(1);
        answers.getFirst().accept(new AuditRecordList(List.of(
                record("2026-01-05T10:00:00Z", "finished", "success"),
                record("2026-01-05T11:00:00Z", "proposed", "pending")), true));
        assertThat(queries).hasSize(2);
        assertThat(vm.rows()).extracting(LogsViewModel.Text::event).containsExactly("proposed", "finished");
        assertThat(vm.messageProperty().get()).isEqualTo("2 records in the last 24 hours (more matched: showing the newest 500)");
    }
}
