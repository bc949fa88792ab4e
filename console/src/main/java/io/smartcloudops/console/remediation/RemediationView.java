package io.smartcloudops.console.remediation;

import io.smartcloudops.console.fx.FxThread;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.TargetOptions;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The Remediation screen: targets with their buttons, pending approvals, recent remediations. */
public final class RemediationView extends BorderPane {

    private final RemediationViewModel vm;
    private final VBox targets = new VBox(6);
    private final VBox pendingBox = new VBox(4);
    private final Timeline ticker;
    private final java.util.Map<String, VBox> rowsByTarget = new java.util.HashMap<>();
    private final java.util.Map<String, ComboBox<String>> unitsByTarget = new java.util.HashMap<>();
    private ScrollPane scroll;
    private VBox body;

    public RemediationView(RemediationViewModel vm) {
        this.vm = vm;
        setId("remediation");
        Label title = new Label("Remediation");
        title.getStyleClass().add("screen-title");
        Label mode = new Label();
        mode.setId("remediation-mode");
        mode.setWrapText(true);
        mode.textProperty().bind(Bindings.createStringBinding(() -> {
            RemediationOptions o = vm.optionsProperty().get();
            if (o == null) {
                return "Loading...";
            }
            return (o.enabled() ? "Remediation is ENABLED: a confirmed action runs for real"
                    : "Remediation is disabled on this agent: every action is recorded as a dry run, nothing runs")
                    + (o.executor().isEmpty() ? "" : " · services restart via " + o.executor())
                    + " · allow-listed units: " + (o.units().isEmpty() ? "none" : String.join(", ", o.units()));
        }, vm.optionsProperty()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        targets.setId("remediation-targets");
        pendingBox.setId("remediation-pending");
        vm.optionsProperty().addListener((o, a, b) -> renderTargets());
        FxThread.shown(vm.pending(), "the pending approvals").addListener((ListChangeListener<Remediation>) c -> renderPending());
        renderTargets();
        renderPending();

        TableView<Remediation> recent = new TableView<>(FxThread.shown(vm.recent(), "the recent remediations table"));

        recent.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recent.setId("remediation-recent");
        recent.setPlaceholder(new Label("No remediation yet."));
        recent.getColumns().add(col("When", 130, i -> i.createdAt() == null ? ""
                : io.smartcloudops.console.anomalies.AnomaliesViewModel.formatTime(i.createdAt())));
        recent.getColumns().add(col("Action", 150, i -> i.action().key() + (i.params().containsKey("unit") ? " " + i.params().get("unit") : "")));
        recent.getColumns().add(col("Target", 100, Remediation::target));
        recent.getColumns().add(col("State", 150, RemediationText::state));
        recent.getColumns().add(col("By", 150, RemediationText::by));
        recent.getColumns().add(col("Detail", 300, i -> i.detail() == null ? "" : i.detail()));
        io.smartcloudops.console.shell.Columns.headersWhole(recent);
        recent.setPrefHeight(220);

        Label recentDetail = new Label("Select a remediation (or double-click it) to read it in full.");
        recentDetail.setId("remediation-detail");
        recentDetail.setWrapText(true);
        recentDetail.getStyleClass().add("empty-hint");
        recent.getSelectionModel().selectedItemProperty().addListener((o, a, i) -> recentDetail.setText(i == null
                ? "Select a remediation (or double-click it) to read it in full." : describeItem(i)));
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                recentDetail.requestFocus();
            }
        });
        Label pendingTitle = section("Pending approvals (from rules and chat)");
        body = new VBox(8, mode, section("Targets"), targets, pendingTitle, pendingBox, section("Recent"), recent, recentDetail);
        body.setPadding(new Insets(8));
        scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox top = new VBox(header);
        top.setPadding(new Insets(6, 8, 0, 8));
        setTop(top);
        setCenter(scroll);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** Brings a target's card into view and puts the cursor in its unit box (from an anomaly's Restart). */
    public void focusTarget(String target) {
        javafx.application.Platform.runLater(() -> {
            VBox row = rowsByTarget.get(target);
            if (row == null) {
                return;
            }
            body.applyCss();
            body.layout();
            double y = row.localToScene(0, 0).getY() - body.localToScene(0, 0).getY();
            double range = body.getHeight() - scroll.getViewportBounds().getHeight();
            if (range > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (y - 8) / range)));
            }
            ComboBox<String> unit = unitsByTarget.get(target);
            if (unit != null) {
                unit.requestFocus();
            }
        });
    }

    private void renderTargets() {
        targets.getChildren().clear();
        rowsByTarget.clear();
        unitsByTarget.clear();
        RemediationOptions o = vm.optionsProperty().get();
        if (o == null || o.targets().isEmpty()) {
            targets.getChildren().add(new Label(o == null ? "Waiting for the agent's remediation options..."
                    : "The agent has no remediation targets configured."));
            return;
        }
        for (TargetOptions t : o.targets()) {
            targets.getChildren().add(targetRow(t, o));
        }
    }

    private VBox targetRow(TargetOptions t, RemediationOptions o) {
        Label name = new Label(t.name());
        name.getStyleClass().add("host-name");
        name.setMinWidth(110);
        Label facts = new Label((t.instanceId() == null || t.instanceId().isEmpty() ? "" : t.instanceId() + " · ")
                + (t.autoScalingGroup() == null || t.autoScalingGroup().isEmpty() ? "no Auto Scaling group"
                : "group " + t.autoScalingGroup())
                + " · " + t.runsLastHour() + " runs in the last hour" + (t.breakerOpen() ? " · BREAKER OPEN" : ""));
        facts.getStyleClass().add("empty-hint");
        ComboBox<String> unit = new ComboBox<>();
        unit.getItems().setAll(o.units());
        unit.setPromptText("unit");
        unit.setId("unit-" + t.name());
        if (o.units().size() == 1) {
            unit.setValue(o.units().getFirst());
        }
        Button restart = new Button("Restart service...");
        restart.setId("restart-" + t.name());
        Button scale = new Button("Scale up...");
        scale.setId("scale-up-" + t.name());
        Label reason = new Label();
        reason.setId("reason-" + t.name());
        reason.setWrapText(true);
        reason.getStyleClass().add("empty-hint");
        Observable[] deps = {vm.inFlight(), vm.nowProperty(), vm.viewerOnlyProperty(), vm.offeredProperty(),
                vm.optionsProperty(), unit.valueProperty()};
        StringBinding restartWhy = Bindings.createStringBinding(() -> vm.disabledReason(t.name(),
                ActionType.RESTART_SERVICE, unit.getValue() == null ? "" : unit.getValue()), deps);
        StringBinding scaleWhy = Bindings.createStringBinding(() -> vm.disabledReason(t.name(), ActionType.SCALE_UP, ""), deps);
        restart.disableProperty().bind(restartWhy.isNotEmpty());
        scale.disableProperty().bind(scaleWhy.isNotEmpty());
        // a button that cannot be tried before the configuration changes says so (the reason below says what)
        restart.textProperty().bind(Bindings.createStringBinding(() -> vm.needsConfiguration(t.name(),
                ActionType.RESTART_SERVICE) ? "Restart service (configure first)" : "Restart service...", deps));
        scale.textProperty().bind(Bindings.createStringBinding(() -> vm.needsConfiguration(t.name(),
                ActionType.SCALE_UP) ? "Scale up (configure first)" : "Scale up...", deps));
        unit.setDisable(o.units().isEmpty());
        if (o.units().isEmpty()) {
            unit.setPromptText("no unit allow-listed");
        }
        reason.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = scaleWhy.get();
            String r = restartWhy.get();
            if (s.isEmpty() && r.isEmpty()) {
                return "";
            }
            if (s.equals(r)) {
                return s;
            }
            return (s.isEmpty() ? "" : "Scale up: " + s) + (s.isEmpty() || r.isEmpty() ? "" : "  ")
                    + (r.isEmpty() ? "" : "Restart: " + r);
        }, scaleWhy, restartWhy));
        restart.setOnAction(e -> vm.request(RemediationRequest.restartService(t.name(),
                unit.getValue() == null ? "" : unit.getValue(), false, "operator clicked Restart service in the console")));
        scale.setOnAction(e -> vm.request(RemediationRequest.scaleUp(t.name(), false, "operator clicked Scale up in the console")));
        HBox buttons = new HBox(8, name, unit, restart, scale);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, buttons, facts, reason);
        row.getStyleClass().add("not-offered");
        rowsByTarget.put(t.name(), row);
        unitsByTarget.put(t.name(), unit);
        return row;
    }

    private void renderPending() {
        pendingBox.getChildren().clear();
        if (vm.pending().isEmpty()) {
            pendingBox.getChildren().add(new Label("Nothing waits for approval."));
            return;
        }
        for (Remediation i : vm.pending()) {
            Label what = new Label(RemediationText.what(i) + " · proposed by " + RemediationText.by(i)
                    + (i.detail() == null || i.detail().isEmpty() ? "" : " · " + i.detail()));
            what.setWrapText(true);
            what.setMinWidth(0);
            HBox.setHgrow(what, Priority.ALWAYS);
            Button approve = new Button("Approve...");
            approve.setId("approve-" + i.id());
            approve.setTooltip(new Tooltip("Shows what runs, then approves on confirmation"));
            Button reject = new Button("Reject...");
            reject.setId("reject-" + i.id());
            reject.setTooltip(new Tooltip("Shows the proposal, then rejects it on confirmation: nothing runs"));
            approve.setOnAction(e -> vm.review(i, true));
            reject.setOnAction(e -> vm.review(i, false));
            approve.disableProperty().bind(vm.viewerOnlyProperty());
            reject.disableProperty().bind(approve.disableProperty());
            for (Button b : new Button[] {approve, reject}) {
                b.setMinWidth(USE_PREF_SIZE); // an action's name is never cut to "..."
            }
            HBox row = new HBox(8, approve, reject, what);
            row.setAlignment(Pos.CENTER_LEFT);
            pendingBox.getChildren().add(row);
        }
    }

    /** One remediation in full: what, state, who, plan and detail. */
    static String describeItem(Remediation i) {
        return RemediationText.what(i) + ": " + RemediationText.state(i) + " · " + RemediationText.by(i)
                + (i.createdAt() == null ? "" : " · " + io.smartcloudops.console.anomalies.AnomaliesViewModel.formatTime(i.createdAt()))
                + (i.plan().isEmpty() ? "" : "\nPlan: " + String.join("; ", RemediationText.steps(i.plan())))
                + (i.detail() == null || i.detail().isEmpty() ? "" : "\n" + i.detail());
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("settings-section");
        return l;
    }

    private static TableColumn<Remediation, String> col(String name, double width,
                                                        java.util.function.Function<Remediation, String> f) {
        TableColumn<Remediation, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setCellFactory(io.smartcloudops.console.shell.FullTextCell.factory());
        return c;
    }

    /** Capitalised state for the status line. */
    static String title(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    public void stop() {
        ticker.stop();
    }
}
