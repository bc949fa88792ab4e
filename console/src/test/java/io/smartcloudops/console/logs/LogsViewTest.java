package io.smartcloudops.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import io.smartcloudops.api.audit.AuditRecordList;
import io.smartcloudops.console.testing.Clicks;
import io.smartcloudops.console.testing.FxWait;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Audit records can be read in full (defect 8): a cell's whole text is in its tooltip, a selected (or
 * double-clicked) record is shown whole below the table, and an approval names who approved it.
 */
@ExtendWith(ApplicationExtension.class)
class LogsViewTest {

    private static final String DETAIL = "desired capacity of asg-web 2 -> 3 (max 4); DescribeAutoScalingGroups answered in"
            + " 212 ms; SetDesiredCapacity answered in 180 ms; verification in 5 s";
    private final List<Consumer<AuditRecordList>> answers = new ArrayList<>();
    private final LogsViewModel vm = new LogsViewModel((q, ok, err) -> answers.add(ok));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new LogsView(vm), 1024, 600));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordCanBeReadInFull(FxRobot robot) {
        FxWait.onFx(() -> {
            vm.setOffered(true);
            answers.getLast().accept(new AuditRecordList(List.of(
                    AuditRecord.builder(Instant.parse("2026-01-05T10:00:00Z"), AuditEvent.APPROVED)
                            .action(ActionType.RESTART_SERVICE).instance("web-1", null).result(AuditResult.APPROVED)
                            .by(Trigger.CHAT, "alice").requestId("r1").detail("approved in the console")
                            .params(Map.of("unit", "nginx")).build(),
                    AuditRecord.builder(Instant.parse("2026-01-05T10:01:00Z"), AuditEvent.FINISHED)
                            .action(ActionType.SCALE_UP).instance("web-1", null).result(AuditResult.DRY_RUN)
                            .by(Trigger.OPERATOR, "alice").dryRun(true).requestId("r2").detail(DETAIL).params(Map.of()).build()), false));
            return null;
        });
        FxWait.until("the detail cell's tooltip", 20, () -> robot.lookup("#logs-table .table-cell").queryAll().stream()
                .map(n -> ((TableCell<?, ?>) n).getTooltip()).anyMatch(t -> t != null && t.getText().equals(DETAIL)));
        TableView<AuditRecord> table = FxWait.onFx(() -> robot.lookup("#logs-table").queryAs(TableView.class));
        FxWait.onFx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        String full = FxWait.onFx(() -> robot.lookup("#logs-detail").queryAs(TextArea.class).getText());
        assertThat(full).contains("dry run (nothing ran)").contains(DETAIL).contains("By: operator alice");
        FxWait.onFx(() -> {
            table.getSelectionModel().select(1);
            return null;
        });
        assertThat(FxWait.onFx(() -> robot.lookup("#logs-detail").queryAs(TextArea.class).getText()))
                .as("an approval is the approver's").contains("By: approved by alice (proposed by chat)");
    }

    /** The filters are the api's values: every action the agent knows (scale_in too), and "any" to clear one. */
    @Test
    @SuppressWarnings("unchecked")
    void theFiltersOfferEveryActionAndResultAndAnyClearsThem(FxRobot robot) {
        FxWait.onFx(() -> {
            vm.setOffered(true);
            return null;
        });
        javafx.scene.control.ComboBox<ActionType> action = robot.lookup("#logs-action").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(FxWait.onFx(() -> new ArrayList<>(action.getItems()))).containsExactly(null, ActionType.RESTART_SERVICE,
                ActionType.SCALE_UP, ActionType.SCALE_IN, ActionType.NOTIFY);
        assertThat(FxWait.onFx(() -> robot.lookup("#logs-result").queryAs(javafx.scene.control.ComboBox.class).getItems()))
                .hasSize(AuditResult.values().length + 1);
        Clicks.on(Clicks.on(robot, "#logs-action"), "scale_in");
        FxWait.until("scale_in chosen", 20, () -> vm.actionProperty().get() == ActionType.SCALE_IN);
        assertThat(FxWait.onFx(() -> vm.query().action())).isEqualTo(ActionType.SCALE_IN);
        Clicks.on(robot, "#logs-action");
        Node any = robot.lookup(".combo-box-popup .list-cell").match(n -> LogsViewModel.ANY.equals(((javafx.scene.control.ListCell<?>) n).getText()))
                .query();
        Clicks.on(robot, any);
        FxWait.until("any action again", 20, () -> vm.actionProperty().get() == null);
        assertThat(FxWait.onFx(() -> action.getButtonCell() == null ? robot.lookup("#logs-action .list-cell").queryAs(
                javafx.scene.control.ListCell.class).getText() : action.getButtonCell().getText())).isEqualTo(LogsViewModel.ANY);
    }
}
