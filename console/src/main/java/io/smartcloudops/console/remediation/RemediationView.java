package io.smartcloudops.console.remediation;

import io.smartcloudops.console.remediation.RemediationModels.Item;
import io.smartcloudops.console.remediation.RemediationModels.Options;
import io.smartcloudops.console.remediation.RemediationModels.Request;
import io.smartcloudops.console.remediation.RemediationModels.Target;
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

    public RemediationView(RemediationViewModel vm) {
        this.vm = vm;
        setId("remediation");
        Label title = new Label("Remediation");
        title.getStyleClass().add("screen-title");
        Label mode = new Label();
        mode.setId("remediation-mode");
        mode.setWrapText(true);
        mode.textProperty().bind(Bindings.createStringBinding(() -> {
            Options o = vm.optionsProperty().get();
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
        vm.pending().addListener((ListChangeListener<Item>) c -> renderPending());
        renderTargets();
        renderPending();

        TableView<Item> recent = new TableView<>(vm.recent());

        recent.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recent.setId("remediation-recent");
        recent.setPlaceholder(new Label("No remediation yet."));
        recent.getColumns().add(col("When", 130, i -> i.createdAt() == null ? ""
                : io.smartcloudops.console.anomalies.AnomaliesViewModel.formatTime(i.createdAt())));
        recent.getColumns().add(col("Action", 150, i -> i.action() + (i.unit().isEmpty() ? "" : " " + i.unit())));
        recent.getColumns().add(col("Target", 100, Item::target));
        recent.getColumns().add(col("State", 120, i -> i.state() + (i.dryRun() ? " (dry run)" : "")));
        recent.getColumns().add(col("By", 120, i -> i.trigger() + " " + i.actor()));
        recent.getColumns().add(col("Detail", 300, Item::detail));
        recent.setPrefHeight(220);

        Label pendingTitle = section("Pending approvals (from rules and chat)");
        VBox body = new VBox(8, mode, section("Targets"), targets, pendingTitle, pendingBox, section("Recent"), recent);
        body.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox top = new VBox(header);
        top.setPadding(new Insets(6, 8, 0, 8));
        setTop(top);
        setCenter(scroll);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void renderTargets() {
        targets.getChildren().clear();
        Options o = vm.optionsProperty().get();
        if (o == null || o.targets().isEmpty()) {
            targets.getChildren().add(new Label(o == null ? "Waiting for the agent's remediation options..."
                    : "The agent has no remediation targets configured."));
            return;
        }
        for (Target t : o.targets()) {
            targets.getChildren().add(targetRow(t, o));
        }
    }

    private VBox targetRow(Target t, Options o) {
        Label name = new Label(t.name());
        name.getStyleClass().add("host-name");
        name.setMinWidth(110);
        Label facts = new Label((t.instanceId().isEmpty() ? "" : t.instanceId() + " · ")
                + (t.group().isEmpty() ? "no Auto Scaling group" : "group " + t.group())
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
        Observable[] deps = {vm.inFlight(), vm.nowProperty(), vm.roleProperty(), vm.offeredProperty(), vm.optionsProperty(),
                unit.valueProperty()};
        StringBinding restartWhy = Bindings.createStringBinding(() -> vm.disabledReason(t.name(),
                RemediationModels.RESTART_SERVICE, unit.getValue() == null ? "" : unit.getValue()), deps);
        StringBinding scaleWhy = Bindings.createStringBinding(() -> vm.disabledReason(t.name(),
                RemediationModels.SCALE_UP, ""), deps);
        restart.disableProperty().bind(restartWhy.isNotEmpty());
        scale.disableProperty().bind(scaleWhy.isNotEmpty());
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
        restart.setOnAction(e -> vm.request(new Request(RemediationModels.RESTART_SERVICE, t.name(),
                unit.getValue() == null ? "" : unit.getValue(), "operator clicked Restart service in the console")));
        scale.setOnAction(e -> vm.request(new Request(RemediationModels.SCALE_UP, t.name(), "",
                "operator clicked Scale up in the console")));
        HBox buttons = new HBox(8, name, unit, restart, scale);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, buttons, facts, reason);
        row.getStyleClass().add("not-offered");
        return row;
    }

    private void renderPending() {
        pendingBox.getChildren().clear();
        if (vm.pending().isEmpty()) {
            pendingBox.getChildren().add(new Label("Nothing waits for approval."));
            return;
        }
        for (Item i : vm.pending()) {
            Label what = new Label(i.action().replace('_', ' ') + (i.unit().isEmpty() ? "" : " " + i.unit()) + " on "
                    + i.target() + " · proposed by " + i.trigger() + " " + i.actor()
                    + (i.detail().isEmpty() ? "" : " · " + i.detail()));
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
            approve.disableProperty().bind(vm.roleProperty().isEqualTo("viewer"));
            reject.disableProperty().bind(approve.disableProperty());
            for (Button b : new Button[] {approve, reject}) {
                b.setMinWidth(USE_PREF_SIZE); // an action's name is never cut to "..."
            }
            HBox row = new HBox(8, approve, reject, what);
            row.setAlignment(Pos.CENTER_LEFT);
            pendingBox.getChildren().add(row);
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("settings-section");
        return l;
    }

    private static TableColumn<Item, String> col(String name, double width, java.util.function.Function<Item, String> f) {
        TableColumn<Item, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
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
