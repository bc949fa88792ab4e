package io.smartcloudops.console.anomalies;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.console.dashboard.TimeSeriesChart;
import java.util.EnumSet;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/** The Anomalies screen: filters, the table, and the selected anomaly's detail with its chart and actions. */
public final class AnomaliesView extends BorderPane {

    private final TableView<Anomaly> table;

    /**
     * @param remediation what can be done about the selected anomaly's host, and why not
     */
    public AnomaliesView(AnomaliesViewModel vm, AnomalyActions remediation) {
        setId("anomalies");
        Label title = new Label("Anomalies");
        title.getStyleClass().add("screen-title");
        ComboBox<String> host = new ComboBox<>(vm.hosts());
        host.setId("anomaly-host-filter");
        host.valueProperty().bindBidirectional(vm.hostProperty());
        CheckComboBox<Severity> severity = new CheckComboBox<>();
        severity.setId("anomaly-severity-filter");
        severity.getItems().setAll(Severity.values());
        severity.getCheckModel().checkAll();
        severity.setTitle("severity");
        severity.getCheckModel().getCheckedItems().addListener((ListChangeListener<Severity>) c -> {
            EnumSet<Severity> set = EnumSet.noneOf(Severity.class);
            set.addAll(severity.getCheckModel().getCheckedItems());
            vm.severitiesProperty().set(set);
        });
        ComboBox<AnomalyWindow> since = new ComboBox<>();
        since.setId("anomaly-since-filter");
        since.getItems().setAll(AnomalyWindow.values());
        since.valueProperty().bindBidirectional(vm.windowProperty());
        TextField search = new TextField();
        search.setId("anomaly-search");
        search.setPromptText("search summary, metric, host");
        search.textProperty().bindBidirectional(vm.textProperty());
        Label count = new Label();
        count.setId("anomaly-count");
        count.getStyleClass().add("empty-hint");
        count.textProperty().bind(Bindings.size(vm.visible()).asString("%d shown"));
        search.setPrefColumnCount(16);
        var filters = new io.smartcloudops.console.shell.Toolbar(title, host, severity, since, search, count);

        table = new TableView<>(vm.visible());

        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setId("anomaly-table");
        Label none = new Label("No anomaly matches these filters. The detector raises one when a host behaves unlike itself.");
        none.setWrapText(true);
        none.setPadding(new Insets(8));
        table.setPlaceholder(none);
        table.getColumns().add(column("Raised", 130, a -> AnomaliesViewModel.formatTime(a.timestamp())));
        table.getColumns().add(column("Host", 110, Anomaly::host));
        TableColumn<Anomaly, Severity> sev = new TableColumn<>("Severity");
        sev.setPrefWidth(80);
        sev.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        sev.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("severity-"));
                if (empty || item == null) {
                    setText(null);
                } else {
                    setText(item.key());
                    getStyleClass().add(AnomaliesViewModel.severityStyle(item));
                }
            }
        });
        table.getColumns().add(sev);
        table.getColumns().add(column("Score", 60, a -> String.format(Locale.ROOT, "%.2f", a.score())));
        table.getColumns().add(column("Summary", 260, Anomaly::summary));
        table.getColumns().add(column("State", 110, AnomaliesViewModel::formatState));
        table.getColumns().add(column("Acknowledged", 110, a -> a.acknowledged() == null ? ""
                : a.acknowledged().by() + " " + AnomaliesViewModel.formatTime(a.acknowledged().at())));
        table.getColumns().add(column("Silenced", 60, a -> a.silenced() == null ? "" : "yes"));
        io.smartcloudops.console.shell.Columns.headersWhole(table);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b); // the same anomaly, updated while it lasts
            }
        });

        Label detailTitle = new Label("Select an anomaly to see what drove it.");
        detailTitle.setId("anomaly-detail-title");
        detailTitle.setWrapText(true);
        detailTitle.getStyleClass().add("settings-section");
        VBox contributors = new VBox(2);
        contributors.setId("anomaly-contributors");
        TimeSeriesChart chart = new TimeSeriesChart();
        chart.setId("anomaly-window-chart");
        chart.setPrefHeight(200);
        vm.detailChartProperty().addListener((o, a, b) -> {
            if (b != null) {
                chart.setData(b);
            }
        });
        Button scale = new Button("Scale up...");
        scale.setId("anomaly-scale-up");
        Button restart = new Button("Restart service...");
        restart.setId("anomaly-restart");
        javafx.beans.binding.StringBinding selectedHost = Bindings.createStringBinding(
                () -> vm.selectedProperty().get() == null ? "" : vm.selectedProperty().get().host(), vm.selectedProperty());
        ObservableStringValue scaleWhy = remediation.whyNot(selectedHost, AnomalyActions.Action.SCALE_UP);
        ObservableStringValue restartWhy = remediation.whyNot(selectedHost, AnomalyActions.Action.RESTART_SERVICE);
        Label actionReason = new Label();
        actionReason.setId("anomaly-action-reason");
        actionReason.setWrapText(true);
        actionReason.getStyleClass().add("empty-hint");
        actionReason.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.selectedProperty().get() == null) {
                return "";
            }
            String s = scaleWhy.get();
            String r = restartWhy.get();
            if (s.equals(r)) {
                return s;
            }
            return (s.isEmpty() ? "" : "Scale up: " + s) + (s.isEmpty() || r.isEmpty() ? "" : "\n")
                    + (r.isEmpty() ? "" : "Restart: " + r);
        }, vm.selectedProperty(), scaleWhy, restartWhy));
        scale.disableProperty().bind(vm.selectedProperty().isNull().or(Bindings.isNotEmpty(scaleWhy)));
        restart.disableProperty().bind(vm.selectedProperty().isNull().or(Bindings.isNotEmpty(restartWhy)));
        scale.textProperty().bind(Bindings.createStringBinding(() -> remediation.needsConfiguration(selectedHost.get(),
                AnomalyActions.Action.SCALE_UP) ? "Scale up (configure first)" : "Scale up...", selectedHost, scaleWhy));
        restart.textProperty().bind(Bindings.createStringBinding(() -> remediation.needsConfiguration(selectedHost.get(),
                AnomalyActions.Action.RESTART_SERVICE) ? "Restart service (configure first)" : "Restart service...", selectedHost, restartWhy));
        scale.setOnAction(e -> remediation.start(selectedHost.get(), AnomalyActions.Action.SCALE_UP));
        restart.setOnAction(e -> remediation.start(selectedHost.get(), AnomalyActions.Action.RESTART_SERVICE));
        scale.setTooltip(new Tooltip("Shows the plan for this host in the confirm dialog; nothing runs before you confirm."));
        restart.setTooltip(new Tooltip("Shows the plan for this host in the confirm dialog (or the Remediation screen to"
                + " pick a unit); nothing runs before you confirm."));
        HBox actions = new HBox(8, scale, restart);
        VBox detail = new VBox(8, detailTitle, contributors, chart, actions, actionReason);
        detail.setPadding(new Insets(8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        vm.selectedProperty().addListener((o, a, sel) -> {
            contributors.getChildren().clear();
            if (sel == null) {
                detailTitle.setText("Select an anomaly to see what drove it.");
                return;
            }
            detailTitle.setText(sel.severity().key().toUpperCase(Locale.ROOT) + " on " + sel.host() + ": " + sel.summary());
            for (Contributor c : sel.contributors()) {
                contributors.getChildren().add(new Label(AnomaliesViewModel.formatContributor(c)));
            }
            if (sel.contributors().isEmpty()) {
                contributors.getChildren().add(new Label("metrics: " + String.join(", ", sel.metrics())));
            }
        });
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setTop(filters);
        setCenter(split);
    }

    private static TableColumn<Anomaly, String> column(String name, double width, java.util.function.Function<Anomaly, String> f) {
        TableColumn<Anomaly, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setCellFactory(io.smartcloudops.console.shell.FullTextCell.factory());
        return c;
    }

    public TableView<Anomaly> table() {
        return table;
    }
}
