package io.smartcloudops.console.oncall;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.oncall.Silence;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Beside the anomalies: the alerts from Alertmanager and Grafana with their source, the Acknowledge button and
 * the Snooze menu (15 m, 1 h, 4 h, or any duration) for the anomaly or alert selected last, and the silences
 * holding now with a button to end one.
 */
public final class OncallPane extends VBox {

    private final TableView<Alert> alerts;
    private final TableView<Silence> silences;

    public OncallPane(OncallViewModel vm) {
        setId("oncall");
        setSpacing(6);
        setPadding(new Insets(6, 8, 6, 8));
        Label title = new Label("Alerts and silences");
        title.getStyleClass().add("settings-section");

        Label selected = new Label();
        selected.setId("oncall-selected");
        selected.setWrapText(true);
        selected.textProperty().bind(Bindings.createStringBinding(() -> vm.selectionProperty().get() == null
                ? "Nothing selected." : "Selected: " + vm.selectionProperty().get().describe(), vm.selectionProperty()));
        Button ack = new Button("Acknowledge");
        ack.setId("oncall-acknowledge");
        ack.setTooltip(new Tooltip("You have it: repeat notifications stop. Audited, shown to everyone with your token's name."));
        ack.setOnAction(e -> vm.acknowledge());
        TextField reason = new TextField();
        reason.setId("oncall-reason");
        reason.setPromptText("reason (optional)");
        MenuButton snooze = new MenuButton("Snooze host");
        snooze.setId("oncall-snooze");
        snooze.setTooltip(new Tooltip("No notification and no automatic remediation for this host while snoozed; "
                + "still detected and recorded. Buttons and approvals still work."));
        for (String d : OncallViewModel.SNOOZE_CHOICES) {
            MenuItem item = new MenuItem(d.replace("m", " m").replace("h", " h"));
            item.setId("oncall-snooze-" + d);
            item.setOnAction(e -> vm.snoozeHost(d, reason.getText()));
            snooze.getItems().add(item);
        }
        TextField custom = new TextField();
        custom.setId("oncall-snooze-custom");
        custom.setPromptText("custom: 90m, 2d");
        custom.setPrefColumnCount(7);
        Button snoozeCustom = new Button("Snooze for");
        snoozeCustom.setId("oncall-snooze-custom-go");
        snoozeCustom.setOnAction(e -> vm.snoozeHost(custom.getText(), reason.getText()));
        snoozeCustom.disableProperty().bind(Bindings.isNotEmpty(vm.blockedReason()).or(custom.textProperty().isEmpty()));
        ack.disableProperty().bind(Bindings.isNotEmpty(vm.blockedReason()));
        snooze.disableProperty().bind(Bindings.isNotEmpty(vm.blockedReason()));
        HBox actions = new HBox(6, ack, snooze, custom, snoozeCustom, reason);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Label blocked = new Label();
        blocked.setId("oncall-blocked");
        blocked.getStyleClass().add("empty-hint");
        blocked.textProperty().bind(vm.blockedReason());
        Label message = new Label();
        message.setId("oncall-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        alerts = new TableView<>(vm.alerts());
        alerts.setId("oncall-alerts");
        alerts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        alerts.setPlaceholder(new Label("No alert received. Point Alertmanager or Grafana at /webhooks/alertmanager or "
                + "/webhooks/grafana (docs/install.md)."));
        alerts.getColumns().add(column("Started", 95, a -> OncallViewModel.formatTime(a.startsAt())));
        alerts.getColumns().add(column("Host", 90, a -> a.host() == null ? "" : a.host()));
        alerts.getColumns().add(column("Alert", 110, Alert::name));
        alerts.getColumns().add(column("Severity", 70, a -> a.severity() == null ? "" : a.severity()));
        alerts.getColumns().add(column("Source", 90, a -> a.source().key()));
        alerts.getColumns().add(column("State", 100, OncallViewModel::state));
        alerts.getColumns().add(column("Acknowledged", 120, a -> OncallViewModel.acknowledged(a.acknowledged())));
        alerts.getColumns().add(column("Silenced", 70, a -> a.silenced() == null ? "" : "yes"));
        alerts.getColumns().add(column("Summary", 200, Alert::summary));
        alerts.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectionProperty().set(new Selection.OfAlert(b));
            }
        });

        silences = new TableView<>(vm.silences());
        silences.setId("oncall-silences");
        silences.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        silences.setPlaceholder(new Label("Nothing is snoozed."));
        silences.setPrefHeight(130);
        silences.getColumns().add(sColumn("Matches", 140, OncallViewModel::describe));
        silences.getColumns().add(sColumn("Until", 95, s -> OncallViewModel.formatTime(s.endsAt())));
        silences.getColumns().add(sColumn("By", 90, Silence::createdBy));
        silences.getColumns().add(sColumn("Reason", 160, Silence::reason));
        Button end = new Button("End silence");
        end.setId("oncall-end-silence");
        end.disableProperty().bind(silences.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.roleProperty().isEqualTo("viewer")));
        end.setOnAction(e -> vm.endSilence(silences.getSelectionModel().getSelectedItem()));
        Label silencesTitle = new Label("Silences");
        silencesTitle.getStyleClass().add("settings-section");
        HBox silencesHead = new HBox(8, silencesTitle, end);
        silencesHead.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(alerts, Priority.ALWAYS);
        getChildren().addAll(title, selected, actions, blocked, message, alerts, silencesHead, silences);
    }

    private static TableColumn<Alert, String> column(String name, double width, Function<Alert, String> f) {
        TableColumn<Alert, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    private static TableColumn<Silence, String> sColumn(String name, double width, Function<Silence, String> f) {
        TableColumn<Silence, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    public TableView<Alert> alertsTable() {
        return alerts;
    }

    public TableView<Silence> silencesTable() {
        return silences;
    }
}
