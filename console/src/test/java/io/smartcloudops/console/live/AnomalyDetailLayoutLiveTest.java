package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.AnomalyFeedback;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.anomaly.Verdict;
import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.anomalies.AnomaliesView;
import io.smartcloudops.console.anomalies.AnomaliesViewModel;
import io.smartcloudops.console.anomalies.VerdictActions;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.shell.ControlsReport;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.shell.Toasts;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.Png;
import io.smartcloudops.console.testing.ScenarioAgent;
import io.smartcloudops.console.testing.Truncation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The anomaly detail during an incident on a laptop: a critical anomaly with four moved metrics and a remediation reason
 * of three lines, selected at 1024x700 and 1440x900 against a real agent. The chart keeps a height that reads, no
 * explanation is cut short, nothing overlaps, and every button can be brought into view with the chart still beside it
 * (at 1024x700 the chart was squeezed to 80 px, its axis labels piled on each other). The title says what the anomaly
 * is once (it repeated the four lines below it); the incident's notifications hide nothing (the red one covered the
 * end of the reason); a script finds "Scale up..." by its id (the walk clicked a pixel row that the reason had taken).
 */
@ExtendWith(ApplicationExtension.class)
class AnomalyDetailLayoutLiveTest {

    private static final List<String> BUTTONS = List.of("#anomaly-scale-up", "#anomaly-restart", "#anomaly-false-alarm",
            "#anomaly-confirm", "#anomaly-undo-verdict");

    private Path tmp;
    private ScenarioAgent agent;
    private Stage stage;
    private ConsoleSession session;
    private Instant incidentStart;

    @Start
    void start(Stage s) {
        this.stage = s;
        s.setScene(new Scene(new StackPane(), 1280, 800));
        s.setX(0);
        s.setY(0);
        s.show();
    }

    @BeforeEach
    void startAgent() throws Exception {
        tmp = Files.createTempDirectory("sco-anomaly-detail-test");
        // web-1 has a target but the agent no executor for it: "Restart service" explains itself in three lines
        agent = new ScenarioAgent(tmp, 15).withYaml("""
                remediation:
                  enabled: false
                  allowed_units: [nginx]
                  targets:
                    web-1: {instance_id: i-0a1b2c3d4e5f60718, auto_scaling_group: asg-web}
                """).start();
    }

    @AfterEach
    void stop() {
        if (session != null) {
            FxWait.onFx(() -> {
                session.close();
                return null;
            });
        }
        agent.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void theDetailKeepsItsChartAndShowsEveryLineAndButton(int width, int height, FxRobot robot) {
        showIncident(width, height, robot);
        shot("anomaly-detail-" + width);

        ScrollPane detail = robot.lookup("#anomaly-detail").queryAs(ScrollPane.class);
        Region chart = robot.lookup("#anomaly-window-chart").queryAs(Region.class);
        Label reason = robot.lookup("#anomaly-action-reason").queryAs(Label.class);
        List<String> problems = new ArrayList<>(FxWait.onFx(() -> {
            List<String> out = new ArrayList<>();
            if (chart.getHeight() < AnomaliesView.CHART_MIN_HEIGHT - 0.5) {
                out.add("the chart is %.0f px high, less than %.0f".formatted(chart.getHeight(), AnomaliesView.CHART_MIN_HEIGHT));
            }
            // the case this test is about: the reason wraps to three lines or more at 1024 px
            if (width == 1024 && reason.getHeight() < 2.5 * reason.getFont().getSize()) {
                out.add("the action reason is one line (" + reason.getHeight() + " px): not the cramped case");
            }
            double beyond = detail.getContent().getLayoutBounds().getHeight() - detail.getViewportBounds().getHeight();
            if (beyond > 0.5 && !verticalScrollBarShown(detail)) {
                out.add("%.0f px of the detail lie below its view with no scroll bar to reach them".formatted(beyond));
            }
            Truncation.find(detail).forEach(c -> out.add("cut: " + c));
            out.addAll(overlaps((Parent) detail.getContent()));
            return out;
        }));
        // every line and button brought into view in turn: wholly inside the detail's viewport and the window
        List<Node> shown = FxWait.onFx(() -> {
            List<Node> nodes = new ArrayList<>(robot.lookup("#anomaly-detail .label").queryAll());
            BUTTONS.forEach(id -> nodes.add(robot.lookup(id).query()));
            return nodes.stream().filter(Node::isVisible).toList();
        });
        assertThat(shown).as("title, four metrics, the reason, five buttons").hasSizeGreaterThanOrEqualTo(1 + 4 + 1 + 5);
        for (Node n : shown) {
            problems.addAll(FxWait.onFx(() -> {
                scrollIntoView(detail, n);
                return List.<String>of();
            }));
            layout();
            problems.addAll(FxWait.onFx(() -> {
                List<String> out = new ArrayList<>();
                Bounds view = viewport(detail);
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (!inside(b, view) || !inside(b, window())) {
                    out.add(describe(n) + " at " + b + " cannot be brought inside the viewport " + view);
                }
                if (BUTTONS.contains("#" + n.getId())) {
                    double chartShown = visibleHeight(chart.localToScene(chart.getLayoutBounds()), view);
                    if (chartShown < AnomaliesView.CHART_MIN_HEIGHT - 0.5) {
                        out.add("with " + describe(n) + " in view only %.0f px of the chart are".formatted(chartShown));
                    }
                }
                return out;
            }));
        }
        assertThat(problems).as("the anomaly detail at %dx%d", width, height).isEmpty();
    }

    @Test
    void theTitleSaysWhatTheAnomalyIsOnceAndTheLinesBelowWhatMoved(FxRobot robot) {
        showIncident(1024, 700, robot);
        String title = FxWait.onFx(() -> robot.lookup("#anomaly-detail-title").queryAs(Label.class).getText());
        List<String> lines = FxWait.onFx(() -> robot.lookup("#anomaly-contributors").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(title).as("severity, host and start").isEqualTo("CRITICAL on web-1 since "
                + AnomaliesViewModel.formatTime(incidentStart));
        assertThat(lines).as("one line per metric that moved").hasSize(4);
        for (String line : lines) {
            assertThat(title).as("the title repeats no line below it").doesNotContain(line);
        }
    }

    /**
     * The notifications an incident brings (the anomaly's, the dry run's progress and its long outcome) sit where they
     * hide nothing: not over the screen (the detail's reason and buttons, the on-call pane), the chat or the navigation.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void notificationsHideNothingOnTheScreen(int width, int height, FxRobot robot) {
        showIncident(width, height, robot);
        FxWait.onFx(() -> {
            Anomaly a = session.anomaliesVm().selectedProperty().get();
            session.root().toasts().show(Toasts.Kind.ERROR, AnomaliesViewModel.headline(a));
            session.root().toasts().show(Toasts.Kind.INFO, "Recording a dry run of scale up on web-1 (nothing runs)...");
            session.root().toasts().show(Toasts.Kind.SUCCESS, "scale up on web-1: dry run (nothing ran). dry run"
                    + " (remediation is disabled: set remediation.enabled: true to act): autoscaling"
                    + " DescribeAutoScalingGroups AutoScalingGroupNames=asg-web");
            return null;
        });
        layout();
        shot("notifications-" + width);
        List<String> problems = FxWait.onFx(() -> {
            List<String> out = new ArrayList<>();
            List<Node> toasts = robot.lookup(".toast").queryAll().stream().filter(Node::isVisible).toList();
            if (toasts.isEmpty()) {
                out.add("no notification shown");
            }
            List<Node> covered = new ArrayList<>(robot.lookup(".content").queryAll());
            covered.addAll(robot.lookup("#chat-pane").queryAll());
            covered.addAll(robot.lookup(".nav-button").queryAll());
            covered.addAll(robot.lookup(".title-bar").queryAll());
            for (Node t : toasts) {
                Bounds b = t.localToScene(t.getLayoutBounds());
                if (!inside(b, window())) {
                    out.add("'" + ((Label) t).getText() + "' at " + b + " is not wholly in the window");
                }
                for (Node c : covered) {
                    Bounds cb = c.localToScene(c.getLayoutBounds());
                    if (c.isVisible() && b.intersects(cb)) {
                        out.add("'" + ((Label) t).getText() + "' at " + b + " covers " + describe(c) + " at " + cb);
                    }
                }
            }
            return out;
        });
        assertThat(problems).as("the notifications at %dx%d", width, height).isEmpty();
    }

    /** After a reconnect the list is loaded again: the anomaly being read stays selected, its detail and Scale up with it. */
    @Test
    void theDetailStaysWhenTheListIsLoadedAgain(FxRobot robot) {
        showIncident(1024, 700, robot);
        FxWait.onFx(() -> {
            Anomaly a = session.anomaliesVm().selectedProperty().get();
            session.anomaliesVm().applyList(List.of(new Anomaly(a.id(), a.host(), a.start(), a.timestamp(), null, 0.95,
                    a.severity(), a.metrics(), a.contributors(), a.summary())));
            return null;
        });
        layout();
        TableView<?> table = robot.lookup("#anomaly-table").queryAs(TableView.class);
        assertThat(FxWait.onFx(() -> table.getSelectionModel().getSelectedIndex())).as("the row still selected").isZero();
        assertThat(FxWait.onFx(() -> robot.lookup("#anomaly-detail-title").queryAs(Label.class).getText()))
                .startsWith("CRITICAL on web-1");
        assertThat(FxWait.onFx(() -> robot.lookup("#anomaly-scale-up").query().isDisabled())).isFalse();
    }

    /** The walk's way to "Scale up...": by its id in the controls report, wherever a wrapped reason moved it. */
    @Test
    void aScriptFindsScaleUpByItsIdInTheControlsReport(FxRobot robot) throws Exception {
        showIncident(1024, 700, robot);
        Path report = tmp.resolve("controls.tsv");
        FxWait.onFx(() -> {
            ControlsReport.install(stage.getScene(), report);
            return null;
        });
        robot.push(KeyCode.F12);
        FxWait.until("the controls report", 10, () -> Files.exists(report));
        List<String> lines = Files.readAllLines(report);
        String[] row = lines.stream().map(l -> l.split("\t", -1)).filter(f -> f[0].equals("anomaly-scale-up"))
                .findFirst().orElseThrow(() -> new AssertionError("no anomaly-scale-up in " + lines));
        Bounds button = FxWait.onFx(() -> {
            Node b = robot.lookup("#anomaly-scale-up").query();
            return b.localToScreen(b.getLayoutBounds());
        });
        assertThat(List.of(row).subList(5, 8)).containsExactly("whole", "enabled", "Scale up...");
        assertThat(Double.parseDouble(row[1])).isCloseTo(button.getMinX(), within(1.0));
        assertThat(Double.parseDouble(row[2])).isCloseTo(button.getMinY(), within(1.0));
        assertThat(Double.parseDouble(row[3])).isCloseTo(button.getWidth(), within(1.0));
        assertThat(Double.parseDouble(row[4])).isCloseTo(button.getHeight(), within(1.0));
        robot.clickOn(new Point2D(Double.parseDouble(row[1]) + Double.parseDouble(row[3]) / 2,
                Double.parseDouble(row[2]) + Double.parseDouble(row[4]) / 2));
        FxWait.until("the confirm dialog for web-1", 10, () -> robot.lookup("#confirm-title").tryQuery()
                .map(t -> ((Label) t).getText().contains("web-1")).orElse(false));
    }

    /**
     * An open anomaly whose updates add two moved metrics, then drop them again, while the engineer reads the chart or
     * aims at Scale up: neither moves (each update rebuilt the lines, and the chart and the buttons went down by two
     * lines under the pointer). The lines say what the latest update says.
     */
    @Test
    void theChartAndScaleUpHoldStillWhileTheOpenAnomalyGrowsAndShrinks(FxRobot robot) {
        showIncident(1024, 700, 2, robot);
        shot("anomaly-detail-2-metrics");
        Region chart = robot.lookup("#anomaly-window-chart").queryAs(Region.class);
        Node scale = robot.lookup("#anomaly-scale-up").query();
        double[] before = FxWait.onFx(() -> positions(chart, scale));
        for (int metrics : new int[] {3, 4, 2}) {
            FxWait.onFx(() -> {
                session.anomaliesVm().applyEvent(incident(metrics));
                return null;
            });
            layout();
            shot("anomaly-detail-" + metrics + "-metrics-after");
            assertThat(FxWait.onFx(() -> robot.lookup("#anomaly-contributors").queryAs(VBox.class).getChildren().stream()
                    .map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).toList()))
                    .as("the lines after the update to %d metrics", metrics)
                    .containsExactlyElementsOf(incident(metrics).contributors().stream().map(Contributor::explanation).toList());
            double[] after = FxWait.onFx(() -> positions(chart, scale));
            assertThat(after).as("the chart's top and height, Scale up's top, after the update to %d metrics", metrics)
                    .containsExactly(before, within(0.5));
        }
        assertThat(FxWait.onFx(() -> scale.isDisabled())).as("Scale up still there for web-1").isFalse();
    }

    /**
     * A verdict given on the anomaly being read ("Not an anomaly" with a note), then taken back: the verdict line shows
     * it, and the chart and Scale up stay where they were (the line appeared above the chart and pushed both down, and
     * up again when the verdict was undone).
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void theChartAndScaleUpHoldStillWhenAVerdictArrivesAndIsTakenBack(int width, int height, FxRobot robot) {
        showIncident(width, height, robot);
        Region chart = robot.lookup("#anomaly-window-chart").queryAs(Region.class);
        Node scale = robot.lookup("#anomaly-scale-up").query();
        Label verdict = robot.lookup("#anomaly-verdict").queryAs(Label.class);
        double[] before = FxWait.onFx(() -> positions(chart, scale));
        Anomaly judged = incident(4).withFeedback(new AnomalyFeedback(Verdict.FALSE_ALARM, "nightly backup", "alice",
                Instant.now()));
        FxWait.onFx(() -> {
            session.anomaliesVm().applyEvent(judged);
            return null;
        });
        layout();
        shot("anomaly-detail-verdict-" + width);
        assertThat(FxWait.onFx(verdict::getText)).isEqualTo(VerdictActions.describe(judged));
        assertThat(FxWait.onFx(() -> verdict.isVisible() && verdict.getHeight() > 0)).as("the verdict line shown").isTrue();
        assertThat(FxWait.onFx(() -> Truncation.find(verdict))).as("the verdict line, whole").isEmpty();
        assertThat(FxWait.onFx(() -> positions(chart, scale))).as("the chart's top and height, Scale up's top, with the verdict")
                .containsExactly(before, within(0.5));
        FxWait.onFx(() -> {
            session.anomaliesVm().applyEvent(incident(4));
            return null;
        });
        layout();
        assertThat(FxWait.onFx(verdict::getText)).as("the verdict taken back").isEmpty();
        assertThat(FxWait.onFx(() -> positions(chart, scale))).as("the chart's top and height, Scale up's top, once undone")
                .containsExactly(before, within(0.5));
    }

    private static double[] positions(Region chart, Node scale) {
        Bounds c = chart.localToScene(chart.getLayoutBounds());
        Bounds b = scale.localToScene(scale.getLayoutBounds());
        return new double[] {c.getMinY(), c.getHeight(), b.getMinY()};
    }

    /**
     * Beside the on-call pane at 1024x700 the table shows when the anomaly was raised whole (it showed "Dec 7 13..."),
     * Summary has all the width the other columns leave (Handled, last, took it), and the whole summary is in the
     * cell's tooltip.
     */
    @Test
    void theTableShowsRaisedWholeAndGivesSummaryTheRest(FxRobot robot) {
        showIncident(1024, 700, robot);
        @SuppressWarnings("unchecked")
        TableView<Anomaly> table = robot.lookup("#anomaly-table").queryAs(TableView.class);
        Anomaly shown = FxWait.onFx(() -> table.getItems().getFirst());
        TableCell<?, ?> raised = cell(robot, "anomaly-raised-column");
        TableCell<?, ?> summary = cell(robot, "anomaly-summary-column");
        assertThat(FxWait.onFx(() -> raised.getText())).isEqualTo(AnomaliesViewModel.formatRaised(shown.timestamp()));
        assertThat(FxWait.onFx(() -> shownText(raised))).as("Raised as the cell draws it").isEqualTo(raised.getText());
        assertThat(FxWait.onFx(() -> raised.getTooltip().getText())).as("to the second")
                .isEqualTo(AnomaliesViewModel.formatTime(shown.timestamp()));
        assertThat(FxWait.onFx(() -> summary.getTooltip().getText())).as("the whole summary").isEqualTo(shown.summary());
        double[] widths = FxWait.onFx(() -> {
            double inner = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
            double others = table.getColumns().stream().filter(c -> !"anomaly-summary-column".equals(c.getId()))
                    .mapToDouble(TableColumn::getWidth).sum();
            TableColumn<?, ?> s = table.getColumns().stream().filter(c -> "anomaly-summary-column".equals(c.getId()))
                    .findFirst().orElseThrow();
            return new double[] {s.getWidth(), inner - others};
        });
        assertThat(widths[0]).as("Summary's width: all the other columns leave (columns %s)", FxWait.onFx(() -> table
                        .getColumns().stream().map(c -> c.getText() + "=" + c.getWidth()).toList())).isCloseTo(widths[1], within(2.0));
        assertThat(FxWait.onFx(() -> Truncation.find(table))).as("the column headers, whole").isEmpty();
    }

    /**
     * At 1024x700 an anomaly that ended, acknowledged from the on-call pane, then given "Not an anomaly" by someone else
     * instead: State and Handled show their text whole (they read "closed a..." and "operator D..." or "not an a..."),
     * Raised stays whole, Summary keeps a few words, and the cells' tooltips say each in full.
     */
    @Test
    void stateAndHandledReadWholeBesideTheOncallPane(FxRobot robot) {
        showIncident(1024, 700, robot);
        Instant end = incidentStart.plusSeconds(330);
        Anomaly acknowledged = withEnd(incident(4), end)
                .marked(null, new io.smartcloudops.api.oncall.Acknowledgement("operator", end.plusSeconds(20), null));
        Anomaly falseAlarm = withEnd(incident(4), end)
                .withFeedback(new AnomalyFeedback(Verdict.FALSE_ALARM, "load test", "alice", end.plusSeconds(30)));
        @SuppressWarnings("unchecked")
        TableView<Anomaly> table = robot.lookup("#anomaly-table").queryAs(TableView.class);
        for (Anomaly a : List.of(acknowledged, falseAlarm)) {
            FxWait.onFx(() -> {
                session.anomaliesVm().applyEvent(a);
                return null;
            });
            layout();
            shot("anomaly-table-handled-" + AnomaliesViewModel.formatHandled(a).replace(' ', '-'));
            List<String> problems = new ArrayList<>();
            for (String column : List.of("Raised", "State", "Handled")) {
                TableCell<?, ?> cell = cell(robot, column);
                String text = FxWait.onFx(cell::getText);
                String shown = FxWait.onFx(() -> shownText(cell));
                if (text == null || text.isEmpty() || !text.equals(shown)) {
                    problems.add(column + ": '" + text + "' shows as '" + shown + "'");
                }
            }
            assertThat(problems).as("the cells at 1024x700, columns %s", FxWait.onFx(() -> table.getColumns().stream()
                    .map(c -> c.getText() + "=" + c.getWidth()).toList())).isEmpty();
            TableCell<?, ?> state = cell(robot, "State");
            assertThat(FxWait.onFx(() -> state.getTooltip().getText()))
                    .isEqualTo("ended " + AnomaliesViewModel.formatTime(end) + ", after 5m30s");
            double summary = FxWait.onFx(() -> table.getColumns().stream().filter(c -> "anomaly-summary-column".equals(c.getId()))
                    .findFirst().orElseThrow().getWidth());
            assertThat(summary).as("Summary keeps a few words").isGreaterThanOrEqualTo(6 * 13 - 0.5);
        }
        TableCell<?, ?> handled = cell(robot, "Handled");
        assertThat(FxWait.onFx(() -> handled.getTooltip().getText()))
                .isEqualTo(VerdictActions.describe(falseAlarm));
    }

    private static Anomaly withEnd(Anomaly a, Instant end) {
        return new Anomaly(a.id(), a.host(), a.start(), a.timestamp(), end, a.score(), a.severity(), a.metrics(),
                a.contributors(), a.summary(), a.feedback(), a.silenced(), a.acknowledged());
    }

    /** Row 0's cell in the column of this id or header. */
    private static TableCell<?, ?> cell(FxRobot robot, String columnId) {
        return FxWait.onFx(() -> robot.lookup("#anomaly-table .table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n)
                // a cell the table keeps aside after an update keeps its index, hidden with its row
                .filter(c -> c.getIndex() == 0 && !c.isEmpty() && c.isVisible() && c.getParent() != null && c.getParent().isVisible()
                        && c.getTableColumn() != null && (columnId.equals(c.getTableColumn().getId())
                        || columnId.equals(c.getTableColumn().getText())))
                .findFirst().orElseThrow(() -> new AssertionError("no cell of row 0 in " + columnId)));
    }

    /** The text a cell draws: its whole text, or the part before "…" when cut. */
    private static String shownText(TableCell<?, ?> cell) {
        return cell.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse("");
    }

    /** The console at {@code width}x{@code height} on Anomalies, web-1's critical anomaly selected, its reason shown. */
    private void showIncident(int width, int height, FxRobot robot) {
        showIncident(width, height, 4, robot);
    }

    /** As {@link #showIncident(int, int, FxRobot)}, with the first {@code metrics} of its four moved metrics. */
    private void showIncident(int width, int height, int metrics, FxRobot robot) {
        FxWait.onFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            session = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false), Optional.empty(),
                    ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                    new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), x -> { });
            session.install(stage.getScene());
            session.start();
            session.root().show(Screen.ANOMALIES);
            return null;
        });
        FxWait.until("the remediation options", 20, () -> session.remediationVm().optionsProperty().get() != null);
        FxWait.onFx(() -> {
            incidentStart = Instant.now().minusSeconds(120);
            session.anomaliesVm().applyEvent(incident(metrics));
            session.anomaliesVm().selectedProperty().set(session.anomaliesVm().visible().getFirst());
            return null;
        });
        FxWait.until("the reason Restart service is disabled", 20, () -> robot.lookup("#anomaly-action-reason")
                .queryAs(Label.class).getText().startsWith("Restart: "));
        layout();
    }

    /** web-1's critical anomaly with the first {@code metrics} of four moved metrics, worded as the detector words them. */
    private Anomaly incident(int metrics) {
        // bench/console/incident's web-1 at its saturation
        List<Contributor> all = List.of(
                new Contributor("cpu", 95.9, 44.7, 9.8, "cpu 95.9% (expected 26.5%-62.9%)"),
                new Contributor("load1", 4.01, 1.56, 6.1, "load1 4.01 (expected 0.81-2.32)"),
                new Contributor("mem", 81.2, 58.0, 3.4, "mem 81.2% (expected 52.4%-63.6%)"),
                new Contributor("net_out", 48.3, 12.1, 3.1, "net_out 48.3 MB/s (expected 7.9-16.3 MB/s)"));
        List<Contributor> moved = all.subList(0, metrics);
        return new Anomaly("an-detail", "web-1", incidentStart, Instant.now(), null, 0.93, Severity.CRITICAL,
                moved.stream().map(Contributor::metric).toList(), moved,
                String.join(", ", moved.stream().map(Contributor::explanation).toList()));
    }

    /** Children of the detail that overlap, or that reach past its end (where no scrolling shows them). */
    private static List<String> overlaps(Parent content) {
        List<String> out = new ArrayList<>();
        List<Node> kids = content.getChildrenUnmodifiable().stream().filter(Node::isVisible).filter(Node::isManaged).toList();
        for (int i = 0; i < kids.size(); i++) {
            Bounds a = kids.get(i).getBoundsInParent();
            if (a.getMaxY() > content.getLayoutBounds().getMaxY() + 0.5) {
                out.add(describe(kids.get(i)) + " reaches past the detail's end: " + a.getMaxY() + " > "
                        + content.getLayoutBounds().getMaxY());
            }
            for (int j = i + 1; j < kids.size(); j++) {
                Bounds b = kids.get(j).getBoundsInParent();
                if (a.getMaxY() > b.getMinY() + 0.5 && b.getMaxY() > a.getMinY() + 0.5) {
                    out.add(describe(kids.get(i)) + " overlaps " + describe(kids.get(j)));
                }
            }
        }
        return out;
    }

    /** Scrolls {@code pane} the least that shows {@code n} whole (its top first when it is taller than the view). */
    private static void scrollIntoView(ScrollPane pane, Node n) {
        Node content = pane.getContent();
        Bounds b = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double view = pane.getViewportBounds().getHeight();
        double range = content.getLayoutBounds().getHeight() - view;
        if (range <= 0) {
            return;
        }
        double offset = Math.min(Math.max(0, b.getMaxY() - view), b.getMinY());
        pane.setVvalue(pane.getVmin() + (pane.getVmax() - pane.getVmin()) * Math.min(1, offset / range));
    }

    private static boolean verticalScrollBarShown(ScrollPane pane) {
        return pane.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible() && bar.getHeight() > 0);
    }

    private static Bounds viewport(ScrollPane pane) {
        Node view = pane.lookup(".viewport");
        return view.localToScene(view.getLayoutBounds());
    }

    private Bounds window() {
        return stage.getScene().getRoot().localToScene(stage.getScene().getRoot().getLayoutBounds());
    }

    private static boolean inside(Bounds b, Bounds outer) {
        return b.getHeight() >= 1 && b.getMinX() >= outer.getMinX() - 0.5 && b.getMinY() >= outer.getMinY() - 0.5
                && b.getMaxX() <= outer.getMaxX() + 0.5 && b.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static double visibleHeight(Bounds b, Bounds view) {
        return Math.max(0, Math.min(b.getMaxY(), view.getMaxY()) - Math.max(b.getMinY(), view.getMinY()));
    }

    private static String describe(Node n) {
        String text = n instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    private void layout() {
        // two pulses: the layout, then what its bindings changed
        FxWait.onFx(() -> null);
        FxWait.onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
        FxWait.onFx(() -> null);
    }

    /** With {@code -Dlayout.shots.dir}, the detail as measured (to look at, not compared). */
    private void shot(String name) {
        String dir = System.getProperty("layout.shots.dir");
        if (dir != null && !dir.isBlank()) {
            FxWait.onFx(() -> {
                Png.write(stage.getScene(), Path.of(dir).resolve(name + ".png"));
                return null;
            });
        }
    }
}
