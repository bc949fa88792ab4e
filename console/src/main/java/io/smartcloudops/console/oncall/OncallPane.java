package io.smartcloudops.console.oncall;

import io.smartcloudops.console.fx.FxThread;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.oncall.Silence;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Beside the anomalies: the alerts from Alertmanager and Grafana with their source, the Acknowledge button and
 * the Snooze menu (15 m, 1 h, 4 h, or any duration) for the anomaly or alert selected last, and the silences
 * holding now with a button to end one.
 */
public final class OncallPane extends VBox {

    private final ListView<Alert> alerts;
    private final ListView<Silence> silences;

    public OncallPane(OncallViewModel vm) {
        setId("oncall");
        setSpacing(6);
        setPadding(new Insets(6, 8, 6, 8));
        Label title = new Label("Alerts and silences");
        title.getStyleClass().add("settings-section");

        Label selected = new Label();
        selected.setId("oncall-selected");
        selected.setWrapText(true);
        selected.setMinHeight(Region.USE_PREF_SIZE); // wrapped, never cut to "..." when the pane is short
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
        custom.setPromptText("90m, 2d");
        custom.setPrefColumnCount(6);
        custom.setMinWidth(Region.USE_PREF_SIZE);
        Button snoozeCustom = new Button("Snooze for");
        snoozeCustom.setId("oncall-snooze-custom-go");
        snoozeCustom.setOnAction(e -> vm.snoozeHost(custom.getText(), reason.getText()));
        snoozeCustom.disableProperty().bind(Bindings.isNotEmpty(vm.blockedReason()).or(custom.textProperty().isEmpty()));
        ack.disableProperty().bind(Bindings.isNotEmpty(vm.blockedReason()));
        snooze.disableProperty().bind(Bindings.isNotEmpty(vm.blockedReason()));
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {ack, snooze, snoozeCustom}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox actions = new HBox(6, ack, snooze);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox customRow = new HBox(6, snoozeCustom, custom);
        customRow.setAlignment(Pos.CENTER_LEFT);
        reason.setMaxWidth(Double.MAX_VALUE);
        Label blocked = new Label();
        blocked.setId("oncall-blocked");
        blocked.getStyleClass().add("empty-hint");
        blocked.textProperty().bind(vm.blockedReason());
        blocked.setWrapText(true);
        Label message = new Label();
        message.setId("oncall-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        for (Label l : new Label[] {blocked, message}) {
            // no blank lines between the buttons and the alerts while there is nothing to say
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
            l.setMinHeight(Region.USE_PREF_SIZE);
        }

        alerts = new ListView<>(FxThread.shown(vm.alerts(), "the on-call alert list"));
        alerts.setId("oncall-alerts");
        Label noAlert = new Label("No alert received. Point Alertmanager or Grafana at /webhooks/alertmanager"
                + " or /webhooks/grafana (docs/install.md).");
        noAlert.setWrapText(true); // the pane is narrow beside the anomalies
        noAlert.setPadding(new Insets(8));
        alerts.setPlaceholder(noAlert);
        alerts.setCellFactory(l -> new TwoLineCell<>(OncallViewModel::alertLine, OncallViewModel::alertDetail,
                a -> a.firing() ? "alert-firing" : "alert-resolved"));
        alerts.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectionProperty().set(new Selection.OfAlert(b));
            }
        });

        silences = new ListView<>(FxThread.shown(vm.silences(), "the silence list"));
        silences.setId("oncall-silences");
        silences.setPlaceholder(new Label("Nothing is snoozed."));
        silences.setPrefHeight(120);
        silences.setCellFactory(l -> new TwoLineCell<>(s -> OncallViewModel.describe(s) + " until "
                + OncallViewModel.formatTime(s.endsAt()), s -> "by " + s.createdBy() + ": " + s.reason(), s -> "silence"));
        Button end = new Button("End silence");
        end.setId("oncall-end-silence");
        end.setMinWidth(Region.USE_PREF_SIZE);
        end.disableProperty().bind(silences.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.viewerOnlyProperty()));
        end.setOnAction(e -> vm.endSilence(silences.getSelectionModel().getSelectedItem()));
        Label silencesTitle = new Label("Silences");
        silencesTitle.getStyleClass().add("settings-section");
        HBox silencesHead = new HBox(8, silencesTitle, end);
        silencesHead.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(alerts, Priority.ALWAYS);
        getChildren().addAll(title, selected, actions, customRow, reason, blocked, message, alerts, silencesHead, silences);
    }

    public ListView<Alert> alertsList() {
        return alerts;
    }

    public ListView<Silence> silencesList() {
        return silences;
    }

    /** A row of two lines: what it is, then its details (the pane is narrow; a table's columns would be cut). */
    private static final class TwoLineCell<T> extends ListCell<T> {
        private final Function<T, String> first;
        private final Function<T, String> second;
        private final Function<T, String> style;

        TwoLineCell(Function<T, String> first, Function<T, String> second, Function<T, String> style) {
            this.first = first;
            this.second = second;
            this.style = style;
            // as wide as the list, wrapped: the pane is narrow and a sideways scroll hides the end of every line
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(c -> c.startsWith("alert-") || c.equals("silence"));
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(first.apply(item) + "\n" + second.apply(item));
            setTooltip(new Tooltip(getText()));
            getStyleClass().add(style.apply(item));
        }
    }
}
