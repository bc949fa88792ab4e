package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.alerts.AlertPayloads;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.console.oncall.Selection;
import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.ScenarioAgent;
import io.smartcloudops.console.testing.Truncation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every screen at the smallest supported window (1024x700) and at 1440x900, against a real agent with
 * hosts, remediation targets and a pending approval: no button, label or combo box shows its text cut
 * short ("Dashb...", an Approve button reading "...", a blank "since" box).
 */
@ExtendWith(ApplicationExtension.class)
class LayoutLiveTest {

    private static final String WEBHOOK_TOKEN = "test-webhook-token-0123456789";

    private Path tmp;
    private ScenarioAgent agent;
    private Stage stage;
    private ConsoleSession session;

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
        tmp = Files.createTempDirectory("sco-layout-test");
        agent = new ScenarioAgent(tmp, 15).withYaml("""
                auth:
                  webhook_token: %s
                remediation:
                  enabled: false
                  allowed_units: [nginx, php-fpm]
                  targets:
                    web-1: {instance_id: i-0a1b2c3d4e5f60718, auto_scaling_group: asg-web}
                    db-1: {instance_id: i-0fedcba9876543210}
                """.formatted(WEBHOOK_TOKEN)).start();
        try (AgentClient hook = AgentClient.create(agent.url(), WEBHOOK_TOKEN)) {
            // the on-call pane beside the anomalies with an alert (two-line row) and a silence
            hook.post("/webhooks/alertmanager", AlertPayloads.alertmanager("firing", List.of(AlertPayloads.highCpu("firing",
                    "web-1:9100", Instant.now().minusSeconds(120), null))), Map.of(), WebhookReceipt.class);
        }
        try (AgentClient operator = AgentClient.create(agent.url(), ScenarioAgent.OPERATOR_TOKEN)) {
            // a pending approval, as the chat proposes one
            var answer = operator.query(new io.smartcloudops.api.chat.QueryRequest("Scale up web-1", null));
            assertThat(answer.proposedActions()).as(answer.answer()).isNotEmpty();
            operator.silence(SilenceRequest.host("db-1", "4h", "database maintenance window"));
        }
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
    void noScreenCutsAButtonLabelOrComboBox(int width, int height, FxRobot robot) {
        FxWait.onFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            session = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false), Optional.empty(),
                    ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                    new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), x -> { });
            session.install(stage.getScene());
            session.start();
            return null;
        });
        FxWait.until("both hosts on the dashboard", 20, () -> session.dashboardVm().hosts().size() == 2);
        FxWait.until("the pending approval", 20, () -> !session.remediationVm().pending().isEmpty());
        FxWait.until("the remediation options", 20, () -> session.remediationVm().optionsProperty().get() != null);
        FxWait.until("the chat offered", 20, () -> session.chatVm().offeredProperty().get());
        FxWait.onFx(() -> {
            session.chatVm().ask("which host is busiest?");
            return null;
        });
        FxWait.until("the chat's answer", 20, () -> session.chatVm().messages().size() == 2);
        FxWait.until("the alert and the silence in the on-call pane", 20, () -> !session.oncallVm().alerts().isEmpty()
                && !session.oncallVm().silences().isEmpty());
        FxWait.onFx(() -> {
            // an anomaly as the detector words it, selected: its detail title and contributors wrap, never cut
            Instant t = Instant.now().minusSeconds(300);
            session.anomaliesVm().applyEvent(new Anomaly("an-layout", "web-1", t, t, null, 0.84, Severity.CRITICAL,
                    List.of("cpu", "load1", "disk"), List.of(new Contributor("cpu", 94.5, 31.3, 10.5),
                    new Contributor("load1", 3.6, 1.1, 6.3), new Contributor("disk", 63.3, 63.2, 0.1)),
                    "cpu 94.5% (baseline 31.3%), load1 3.60 (baseline 1.10), disk 63.3% (baseline 63.2%)"));
            session.anomaliesVm().selectedProperty().set(session.anomaliesVm().visible().getFirst());
            return null;
        });
        FxWait.onFx(() -> {
            // what the operator acts on: Acknowledge and Snooze enabled, the selection named
            session.oncallVm().selectionProperty().set(new Selection.OfAlert(session.oncallVm().alerts().getFirst()));
            return null;
        });
        List<String> problems = new ArrayList<>();
        for (Screen s : Screen.values()) {
            FxWait.onFx(() -> {
                session.root().show(s);
                return null;
            });
            problems.addAll(cutsAfterLayout(s.title()));
            if (s == Screen.ANOMALIES) {
                problems.addAll(FxWait.onFx(() -> oncallBesideTheAnomalies(robot)));
                shot("anomalies-" + width);
            }
        }
        FxWait.onFx(() -> {
            session.root().showChat(true);
            return null;
        });
        problems.addAll(cutsAfterLayout("chat open"));
        FxWait.onFx(() -> {
            session.root().toggleHelp();
            return null;
        });
        problems.addAll(cutsAfterLayout("help"));
        FxWait.onFx(() -> {
            session.root().toggleHelp();
            session.root().show(Screen.REMEDIATION);
            session.remediationVm().review(session.remediationVm().pending().getFirst(), false);
            return null;
        });
        FxWait.until("the confirm dialog", 10, () -> robot.lookup("#confirm-overlay").tryQuery().isPresent());
        problems.addAll(cutsAfterLayout("confirm dialog"));
        assertThat(problems).as("texts cut short at %dx%d", width, height).isEmpty();
    }

    /**
     * The Anomalies screen keeps its table, every column header, the detail and its buttons in view, with the on-call
     * pane's buttons beside them (the truncation walk above measured their text; here they must be there at all).
     */
    private List<String> oncallBesideTheAnomalies(FxRobot robot) {
        List<String> out = new ArrayList<>();
        Bounds window = stage.getScene().getRoot().localToScene(stage.getScene().getRoot().getLayoutBounds());
        for (String id : List.of("#oncall-acknowledge", "#oncall-snooze", "#oncall-snooze-custom-go", "#oncall-end-silence",
                "#oncall-alerts", "#oncall-silences", "#anomaly-table", "#anomaly-scale-up", "#anomaly-restart",
                "#anomaly-window-chart", "#anomaly-action-reason", "#anomaly-detail-title", "#anomaly-false-alarm",
                "#anomaly-confirm", "#anomaly-undo-verdict")) {
            Optional<Node> n = robot.lookup(id).tryQuery();
            if (n.isEmpty() || !n.get().isVisible() || !n.get().getScene().equals(stage.getScene())) {
                out.add("Anomalies: " + id + " not shown");
                continue;
            }
            Bounds b = n.get().localToScene(n.get().getLayoutBounds());
            if (b.getWidth() < 1 || b.getHeight() < 1 || !window.contains(b.getMinX() + 1, b.getMinY() + 1)
                    || b.getMaxX() > window.getMaxX() + 0.5 || b.getMaxY() > window.getMaxY() + 0.5) {
                out.add("Anomalies: " + id + " outside the window at " + b);
            }
        }
        if (robot.lookup("#oncall-acknowledge").tryQuery().map(Node::isDisabled).orElse(true)) {
            out.add("Anomalies: Acknowledge disabled with an alert selected");
        }
        TableView<?> table = robot.lookup("#anomaly-table").queryAs(TableView.class);
        double columns = table.getColumns().stream().filter(TableColumn::isVisible).mapToDouble(TableColumn::getWidth).sum();
        if (columns > table.getWidth() + 0.5) {
            out.add("Anomalies: the table's columns need %.0f px, it has %.0f (some are scrolled out of view)"
                    .formatted(columns, table.getWidth()));
        }
        return out;
    }

    /** With {@code -Dlayout.shots.dir}, the screen as measured (to look at, not compared). */
    private void shot(String name) {
        String dir = System.getProperty("layout.shots.dir");
        if (dir != null && !dir.isBlank()) {
            FxWait.onFx(() -> {
                io.smartcloudops.console.testing.Png.write(stage.getScene(), Path.of(dir).resolve(name + ".png"));
                return null;
            });
        }
    }

    private List<String> cutsAfterLayout(String where) {
        // two pulses: the screen's first layout, then what its bindings changed
        FxWait.onFx(() -> null);
        FxWait.onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
        FxWait.onFx(() -> null);
        return FxWait.onFx(() -> Truncation.find(stage.getScene().getRoot()).stream().map(c -> where + ": " + c).toList());
    }
}
