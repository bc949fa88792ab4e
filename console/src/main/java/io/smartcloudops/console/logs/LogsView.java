package io.smartcloudops.console.logs;

import io.smartcloudops.console.fx.FxThread;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import java.util.function.Function;
import javafx.util.StringConverter;
import io.smartcloudops.console.anomalies.AnomaliesViewModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Logs screen: filters and the audit log table, newest first. */
public final class LogsView extends BorderPane {

    public LogsView(LogsViewModel vm) {
        setId("logs");
        Label title = new Label("Audit log");
        title.getStyleClass().add("screen-title");
        ComboBox<String> since = new ComboBox<>();
        since.setId("logs-since");
        since.getItems().setAll(LogsViewModel.SINCE);
        since.valueProperty().bindBidirectional(vm.sinceProperty());
        ComboBox<ActionType> action = anyOr(ActionType.values(), ActionType::key);
        action.setId("logs-action");
        action.valueProperty().bindBidirectional(vm.actionProperty());
        ComboBox<AuditResult> result = anyOr(AuditResult.values(), AuditResult::key);
        result.setId("logs-result");
        result.valueProperty().bindBidirectional(vm.resultProperty());
        TextField instance = new TextField();
        instance.setPromptText("instance (host)");
        instance.setId("logs-instance");
        instance.textProperty().bindBidirectional(vm.instanceProperty());
        instance.setOnAction(e -> vm.reload());
        Button reload = new Button("Reload");
        reload.setOnAction(e -> vm.reload());
        instance.setPrefColumnCount(9);
        var filters = new io.smartcloudops.console.shell.Toolbar(title,
                io.smartcloudops.console.shell.Toolbar.group(new Label("since"), since),
                io.smartcloudops.console.shell.Toolbar.group(new Label("action"), action),
                io.smartcloudops.console.shell.Toolbar.group(new Label("result"), result), instance, reload);
        filters.setPadding(Insets.EMPTY);
        Label message = new Label();
        message.setId("logs-message");
        message.getStyleClass().add("empty-hint");
        message.textProperty().bind(vm.messageProperty());
        TableView<AuditRecord> table = new TableView<>(FxThread.shown(vm.rows(), "the audit log table"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setId("logs-table");
        table.setPlaceholder(new Label("No audit record matches. Remediations, approvals and refusals are recorded here."));
        table.getColumns().add(col("Time", 130, r -> AnomaliesViewModel.formatTime(r.timestamp())));
        table.getColumns().add(col("Event", 80, LogsViewModel.Text::event));
        table.getColumns().add(col("Action", 110, LogsViewModel.Text::action));
        table.getColumns().add(col("Instance", 100, r -> r.instance() == null ? "" : r.instance()));
        table.getColumns().add(col("Result", 150, LogsViewModel.Text::result));
        table.getColumns().add(col("By", 170, LogsViewModel.Text::by));
        table.getColumns().add(col("Detail", 360, r -> r.detail() == null ? "" : r.detail()));
        io.smartcloudops.console.shell.Columns.headersWhole(table);
        VBox top = new VBox(4, filters, message);
        top.setPadding(new Insets(6, 8, 6, 8));
        javafx.scene.control.TextArea detail = new javafx.scene.control.TextArea();
        detail.setId("logs-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPromptText("Select a record (or double-click it) to read it in full.");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> detail.setText(r == null ? "" : describe(r)));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                detail.requestFocus();
            }
        });
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(table, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        setTop(top);
        setCenter(split);
    }

    /** One record in full, for the detail pane. */
    static String describe(AuditRecord r) {
        return AnomaliesViewModel.formatTime(r.timestamp()) + "  " + LogsViewModel.Text.event(r) + " "
                + LogsViewModel.Text.action(r) + " on " + r.instance() + "\nResult: " + LogsViewModel.Text.result(r)
                + "\nBy: " + LogsViewModel.Text.by(r) + (r.detail() == null || r.detail().isEmpty() ? "" : "\n\n" + r.detail());
    }

    /**
     * A filter box on the api's own values: "any" (null, shown by the prompt text) first, then every value by its
     * wire name, as the agent's {@code GET /logs} takes it.
     */
    private static <T> ComboBox<T> anyOr(T[] values, Function<T, String> key) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setPromptText(LogsViewModel.ANY);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? LogsViewModel.ANY : key.apply(value);
            }

            @Override
            public T fromString(String text) {
                return box.getItems().stream().filter(v -> v != null && key.apply(v).equals(text)).findFirst().orElse(null);
            }
        });
        return box;
    }

    private static TableColumn<AuditRecord, String> col(String name, double width,
                                                               java.util.function.Function<AuditRecord, String> f) {
        TableColumn<AuditRecord, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setCellFactory(io.smartcloudops.console.shell.FullTextCell.factory());
        return c;
    }
}
