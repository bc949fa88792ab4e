package io.smartcloudops.console.anomalies;

import io.smartcloudops.console.fx.FxThread;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.console.dashboard.TimeSeriesChart;
import java.util.EnumSet;
import java.util.Comparator;
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
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/** The Anomalies screen: filters, the table, and the selected anomaly's detail with its chart and actions. */
public final class AnomaliesView extends BorderPane {

    /** The least height of the detail's chart: its four gridlines, time axis and band still read at 1024x700. */
    public static final double CHART_MIN_HEIGHT = 150;

    private final TableView<Anomaly> table;

    /**
     * @param remediation what can be done about the selected anomaly's host, and why not
     */
    public AnomaliesView(AnomaliesViewModel vm, AnomalyActions remediation) {
        this(vm, remediation, null, null);
    }

    /**
     * @param remediation   what can be done about the selected anomaly's host, and why not
     * @param verdicts      "Not an anomaly" / "Confirm" on the selected anomaly; null for none
     * @param verdictReason empty when verdicts may be given, else why those buttons are disabled
     */
    public AnomaliesView(AnomaliesViewModel vm, AnomalyActions remediation, VerdictActions verdicts,
                         ObservableStringValue verdictReason) {
        setId("anomalies");
        Label title = new Label("Anomalies");
        title.getStyleClass().add("screen-title");
        ComboBox<String> host = new ComboBox<>(FxThread.shown(vm.hosts(), "the anomaly host filter"));
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

        table = new TableView<>(FxThread.shown(vm.visible(), "the anomaly table"));

        // only Summary takes up or gives back width: the other columns keep what their contents need (at 1024 px
        // Raised was cut to "Dec 7 13..." and Summary to a word while Handled, last, took the rest)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("anomaly-table");
        Label none = new Label("No anomaly matches these filters. The detector raises one when a host behaves unlike itself.");
        none.setWrapText(true);
        none.setPadding(new Insets(8));
        table.setPlaceholder(none);
        TableColumn<Anomaly, java.time.Instant> raised = new TableColumn<>("Raised");
        raised.setId("anomaly-raised-column");
        raised.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().timestamp()));
        raised.setCellFactory(c -> new TableCell<>() {
            private final Tooltip exact = new Tooltip();

            @Override
            protected void updateItem(java.time.Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : AnomaliesViewModel.formatRaised(item));
                exact.setText(empty || item == null ? "" : AnomaliesViewModel.formatTime(item));
                setTooltip(empty || item == null ? null : exact);
            }
        });
        table.getColumns().add(raised);
        TableColumn<Anomaly, String> hostColumn = column("Host", 70, Anomaly::host);
        hostColumn.setId("anomaly-host-column");
        table.getColumns().add(hostColumn);
        // severity with the score that ranks it, in one column: beside the on-call pane a 1024 px window has no
        // room for a column of its own; sorted by severity, then score
        TableColumn<Anomaly, Anomaly> sev = new TableColumn<>("Severity");
        sev.setId("anomaly-severity-column");
        sev.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        sev.setComparator(Comparator.comparing(Anomaly::severity).thenComparingDouble(Anomaly::score));
        sev.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Anomaly item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("severity-"));
                if (empty || item == null) {
                    setText(null);
                } else {
                    setText(item.severity().key() + String.format(Locale.ROOT, " %.2f", item.score()));
                    getStyleClass().add(AnomaliesViewModel.severityStyle(item.severity()));
                }
            }
        });
        table.getColumns().add(sev);
        TableColumn<Anomaly, String> summary = column("Summary", 220, Anomaly::summary);
        summary.setId(AnomalyColumns.SUMMARY);
        table.getColumns().add(summary);
        TableColumn<Anomaly, String> state = column("State", 70, AnomaliesViewModel::formatState, AnomaliesViewModel::describeState);
        state.setId(AnomalyColumns.STATE);
        table.getColumns().add(state);
        TableColumn<Anomaly, String> handled = column("Handled", 90, AnomaliesViewModel::formatHandled,
                AnomaliesViewModel::describeHandled);
        handled.setId(AnomalyColumns.HANDLED);
        table.getColumns().add(handled);
        AnomalyColumns columns = AnomalyColumns.install(table, io.smartcloudops.console.shell.Theme.BASE_FONT);
        // measured again in the font the console's scale gives (the search field's, as the table's cells)
        search.fontProperty().addListener((o, a, f) -> columns.fontSize(f.getSize()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b); // the same anomaly, updated while it lasts
            }
        });

        Label detailTitle = new Label("Select an anomaly to see what drove it.");
        detailTitle.setId("anomaly-detail-title");
        detailTitle.setWrapText(true);
        // wrapped lines keep their height; the chart below gives way (it was the title that got cut to "...")
        detailTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        detailTitle.getStyleClass().add("settings-section");
        ContributorLines contributors = new ContributorLines();
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
        ObservableStringValue scaleWhy = remediation.whyNot(selectedHost, ActionType.SCALE_UP);
        ObservableStringValue restartWhy = remediation.whyNot(selectedHost, ActionType.RESTART_SERVICE);
        Label actionReason = new Label();
        actionReason.setId("anomaly-action-reason");
        actionReason.setWrapText(true);
        actionReason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
                ActionType.SCALE_UP) ? "Scale up (configure first)" : "Scale up...", selectedHost, scaleWhy));
        restart.textProperty().bind(Bindings.createStringBinding(() -> remediation.needsConfiguration(selectedHost.get(),
                ActionType.RESTART_SERVICE) ? "Restart service (configure first)" : "Restart service...", selectedHost, restartWhy));
        scale.setOnAction(e -> remediation.start(selectedHost.get(), ActionType.SCALE_UP));
        restart.setOnAction(e -> remediation.start(selectedHost.get(), ActionType.RESTART_SERVICE));
        scale.setTooltip(new Tooltip("Shows the plan for this host in the confirm dialog; nothing runs before you confirm."));
        restart.setTooltip(new Tooltip("Shows the plan for this host in the confirm dialog (or the Remediation screen to"
                + " pick a unit); nothing runs before you confirm."));
        HBox actions = new HBox(8, scale, restart);
        // one line whose place is kept while it is empty: a verdict arriving or taken back pushed the chart and the
        // buttons down or up under the pointer; a long note ends in "..." and is whole in the tooltip
        Label verdictLine = new Label();
        verdictLine.setId("anomaly-verdict");
        verdictLine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdictLine.visibleProperty().bind(verdictLine.textProperty().isNotEmpty());
        Tooltip wholeVerdict = new Tooltip();
        wholeVerdict.setWrapText(true);
        wholeVerdict.setMaxWidth(600);
        wholeVerdict.textProperty().bind(verdictLine.textProperty());
        verdictLine.tooltipProperty().bind(Bindings.when(verdictLine.textProperty().isEmpty()).then((Tooltip) null)
                .otherwise(wholeVerdict));
        // 6 px apart (was 8): the verdict line's kept place costs a line, and at 1024x700 the reason under the buttons
        // must still show without scrolling
        DetailColumn detail = new DetailColumn(6, chart, CHART_MIN_HEIGHT, detailTitle, contributors, verdictLine, chart, actions);
        if (verdicts != null) {
            detail.getChildren().add(verdictButtons(vm, verdicts, verdictReason));
        }
        // why Scale up or Restart is disabled, below every button: it grows when a dry run starts the cooldown and comes
        // and goes with "A request is in flight...", and between the two rows it moved "Not an anomaly..." under the
        // pointer
        detail.getChildren().add(actionReason);
        vm.selectedProperty().addListener((o, a, sel) -> verdictLine.setText(sel == null ? "" : VerdictActions.describe(sel)));
        hiddenWhileEmpty(actionReason);
        detail.setPadding(new Insets(6, 8, 6, 8));
        String[] shownId = {null};
        vm.selectedProperty().addListener((o, a, sel) -> {
            // an update of the open anomaly passes through null (the table drops the replaced row's selection and the
            // view model selects the new record at once): the lines are cleared only if nothing is selected after it,
            // else they would give up the height they keep for that anomaly
            if (sel == null) {
                javafx.application.Platform.runLater(() -> {
                    if (vm.selectedProperty().get() == null) {
                        contributors.show(null);
                        detailTitle.setText("Select an anomaly to see what drove it.");
                    }
                });
                return;
            }
            if (!sel.id().equals(shownId[0])) {
                // another anomaly (an update of the one shown passes through null: it keeps the chart's height)
                shownId[0] = sel.id();
                detail.release();
            }
            detailTitle.setText(AnomaliesViewModel.detailTitle(sel));
            contributors.show(sel);
        });
        // a long summary, several contributors and a reason of three lines do not fit under the table at 700 px:
        // the chart gives way down to a height that still reads (at 80 px it was a sliver with its axis labels
        // piled up), then the detail scrolls
        javafx.scene.control.ScrollPane detailScroll = new javafx.scene.control.ScrollPane(detail);
        detailScroll.setId("anomaly-detail");
        detailScroll.setFitToWidth(true);
        // fills the view, and grows past it to the height its wrapped lines need: fitToHeight would do the first, but
        // its scroll bar asks the detail's height at no width (every line unwrapped) and stayed hidden while the
        // verdict buttons sat below the view
        detail.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> detailScroll.getViewportBounds().getHeight(),
                detailScroll.viewportBoundsProperty()));
        detailScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        // a taller or shorter view (the window, the divider): the chart takes the height it leaves again
        detailScroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a == null || Math.abs(a.getHeight() - b.getHeight()) > 0.5) {
                detail.release();
            }
        });
        SplitPane split = new SplitPane(table, detailScroll);
        split.setOrientation(Orientation.VERTICAL);
        // the detail (title, contributors, chart, actions) needs more than the rows: at 700 px the table keeps six
        // rows and the detail its chart with the buttons below it, mostly without scrolling
        split.setDividerPositions(0.29);
        setTop(filters);
        setCenter(split);
    }

    /** "Not an anomaly...", "Confirm...", "Take back verdict": each opens the confirm dialog first. */
    private static VBox verdictButtons(AnomaliesViewModel vm, VerdictActions verdicts, ObservableStringValue reason) {
        Button falseAlarm = new Button("Not an anomaly...");
        falseAlarm.setId("anomaly-false-alarm");
        falseAlarm.setTooltip(new Tooltip("Tells the detector this was normal for the host; asks before anything is sent."));
        Button confirm = new Button("Confirm...");
        confirm.setId("anomaly-confirm");
        confirm.setTooltip(new Tooltip("Tells the detector this was a real anomaly; asks before anything is sent."));
        Button undo = new Button("Take back verdict...");
        undo.setId("anomaly-undo-verdict");
        var blocked = vm.selectedProperty().isNull().or(Bindings.isNotEmpty(reason)).or(verdicts.sendingProperty());
        falseAlarm.disableProperty().bind(blocked);
        confirm.disableProperty().bind(blocked);
        undo.disableProperty().bind(blocked.or(Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || vm.selectedProperty().get().feedback() == null, vm.selectedProperty())));
        falseAlarm.setOnAction(e -> verdicts.ask(vm.selectedProperty().get(), io.smartcloudops.api.anomaly.Verdict.FALSE_ALARM));
        confirm.setOnAction(e -> verdicts.ask(vm.selectedProperty().get(), io.smartcloudops.api.anomaly.Verdict.CONFIRMED));
        undo.setOnAction(e -> verdicts.askUndo(vm.selectedProperty().get()));
        Label why = new Label();
        why.setId("anomaly-verdict-reason");
        why.setWrapText(true);
        why.getStyleClass().add("empty-hint");
        why.textProperty().bind(Bindings.createStringBinding(() -> reason.get().isEmpty() ? verdicts.errorProperty().get()
                : reason.get(), reason, verdicts.errorProperty()));
        hiddenWhileEmpty(why);
        return new VBox(4, new HBox(8, falseAlarm, confirm, undo), why);
    }

    /** Wrapped lines that take no room while they have nothing to say, and their whole height when they do. */
    private static void hiddenWhileEmpty(Label... labels) {
        for (Label l : labels) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
    }

    private static TableColumn<Anomaly, String> column(String name, double width, java.util.function.Function<Anomaly, String> f) {
        TableColumn<Anomaly, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setCellFactory(io.smartcloudops.console.shell.FullTextCell.factory());
        return c;
    }

    /** A column of short texts whose tooltip says them in full ({@code whole}). */
    private static TableColumn<Anomaly, String> column(String name, double width, java.util.function.Function<Anomaly, String> f,
                                                       java.util.function.Function<Anomaly, String> whole) {
        TableColumn<Anomaly, String> c = column(name, width, f);
        c.setCellFactory(x -> new TableCell<>() {
            private final Tooltip full = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Anomaly row = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null
                        : getTableView().getItems().get(getIndex());
                setText(empty ? null : item);
                full.setText(row == null ? "" : whole.apply(row));
                setTooltip(row == null || item == null || item.isEmpty() ? null : full);
            }
        });
        return c;
    }

    public TableView<Anomaly> table() {
        return table;
    }
}
