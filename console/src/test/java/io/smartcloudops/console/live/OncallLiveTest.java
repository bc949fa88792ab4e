package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.alerts.AlertPayloads;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.oncall.Selection;
import io.smartcloudops.console.testing.Clicks;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Anomalies screen's on-call pane against a real agent: an alert Alertmanager posted is listed beside the
 * anomalies with its source; Acknowledge records the operator on the agent (and the row shows it); the Snooze menu
 * silences the alert's host for an hour and the Silences list shows it. With {@code -Dscreenshots.dir} it also
 * writes the walkthrough's picture of that moment ({@code oncall.png}, bench/console/screenshots.sh).
 */
@ExtendWith(ApplicationExtension.class)
class OncallLiveTest {

    private static final String WEBHOOK_TOKEN = "test-webhook-token-0123456789";

    private Path tmp;
    private ScenarioAgent agent;
    private Stage stage;
    private ConsoleSession session;

    @Start
    void start(Stage s) {
        this.stage = s;
        s.setScene(new Scene(new StackPane(), 1280, 800));
        s.show();
    }

    @BeforeEach
    void startAgent() throws Exception {
        tmp = Files.createTempDirectory("sco-oncall-test");
        agent = new ScenarioAgent(tmp, 15).withYaml("auth:\n  webhook_token: " + WEBHOOK_TOKEN + "\n").start();
        try (AgentClient hook = AgentClient.create(agent.url(), WEBHOOK_TOKEN)) {
            hook.post("/webhooks/alertmanager", AlertPayloads.alertmanager("firing", List.of(AlertPayloads.highCpu("firing",
                    "web-1:9100", Instant.now().minusSeconds(120), null))), Map.of(), WebhookReceipt.class);
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

    @Test
    void anOperatorAcknowledgesAnAlertAndSnoozesItsHostFromTheAnomaliesScreen(FxRobot robot) {
        session = FxWait.onFx(() -> {
            ConsoleSession s = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false),
                    Optional.empty(), ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                    new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), x -> { });
            s.install(stage.getScene());
            s.start();
            return s;
        });
        Clicks.on(robot, "#nav-anomalies");
        FxWait.until("the alert listed beside the anomalies", 15, () -> !robot.lookup("#oncall-alerts")
                .queryAs(ListView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ListView<Alert> alerts = robot.lookup("#oncall-alerts").queryAs(ListView.class);
        Alert listed = alerts.getItems().getFirst();
        assertThat(listed.source().key()).isEqualTo("alertmanager");
        assertThat(listed.host()).isEqualTo("web-1");
        FxWait.onFx(() -> {
            alerts.getSelectionModel().select(0);
            return null;
        });
        FxWait.until("Acknowledge enabled", 10, () -> !robot.lookup("#oncall-acknowledge").query().isDisabled());
        Clicks.on(robot, "#oncall-acknowledge");
        FxWait.until("the acknowledgement on the agent", 10, () -> {
            try (AgentClient viewer = AgentClient.create(agent.url(), ScenarioAgent.VIEWER_TOKEN)) {
                Alert a = viewer.alerts("firing", "web-1", null).alerts().getFirst();
                return a.acknowledged() != null && a.acknowledged().by().equals("operator");
            }
        });
        FxWait.until("the row shows who acknowledged it", 10, () -> alerts.getItems().getFirst().acknowledged() != null);

        Clicks.on(robot, "#oncall-snooze");
        Clicks.on(robot, "#oncall-snooze-1h");
        FxWait.until("the host snoozed on the agent", 10, () -> {
            try (AgentClient viewer = AgentClient.create(agent.url(), ScenarioAgent.VIEWER_TOKEN)) {
                return viewer.silences("active").silences().stream().anyMatch(s -> "web-1".equals(s.host()));
            }
        });
        @SuppressWarnings("unchecked")
        ListView<Silence> silences = robot.lookup("#oncall-silences").queryAs(ListView.class);
        FxWait.until("the Silences list shows it", 10, () -> silences.getItems().stream()
                .anyMatch(s -> "web-1".equals(s.host()) && s.endsAt().isAfter(Instant.now().plus(Duration.ofMinutes(59)))));
        String dir = System.getProperty("screenshots.dir");
        if (dir != null && !dir.isBlank()) {
            FxWait.until("the acknowledgement shown in the row", 10, () -> alerts.getItems().getFirst().acknowledged() != null);
            // the walkthrough's two sizes: the widest it is shown at, and the narrowest supported window
            for (int[] size : new int[][] {{1440, 900, 0}, {1024, 700, 1}}) {
                FxWait.onFx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    return null;
                });
                FxWait.until("the window at " + size[0] + " px", 20, () -> stage.getScene().getWidth() == size[0]);
                FxWait.onFx(() -> null); // a pulse: the layout at the new size
                FxWait.onFx(() -> {
                    io.smartcloudops.console.testing.Png.write(stage.getScene(),
                            Path.of(dir).resolve(size[2] == 0 ? "oncall.png" : "oncall-1024.png"));
                    return null;
                });
            }
        }
    }

    /**
     * The walk's case: an alert picked in the pane after an anomaly was selected stays what Acknowledge acts on while the
     * open anomaly is updated (each update set the anomaly again and took the selection back, so Acknowledge marked the
     * anomaly "operator ..." in its Handled column and left the alert unacknowledged). A click on the anomaly's row
     * picks it again.
     */
    @Test
    void anUpdateOfTheOpenAnomalyLeavesThePickedAlertSelected(FxRobot robot) {
        session = FxWait.onFx(() -> {
            ConsoleSession s = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false),
                    Optional.empty(), ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                    new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), x -> { });
            s.install(stage.getScene());
            s.start();
            return s;
        });
        Clicks.on(robot, "#nav-anomalies");
        FxWait.until("the alert listed beside the anomalies", 15, () -> !robot.lookup("#oncall-alerts")
                .queryAs(ListView.class).getItems().isEmpty());
        Instant t = Instant.now().minusSeconds(60);
        FxWait.onFx(() -> {
            session.anomaliesVm().applyEvent(openAnomaly(t, 2));
            session.anomaliesVm().selectedProperty().set(session.anomaliesVm().visible().getFirst());
            return null;
        });
        assertThat(FxWait.onFx(() -> session.oncallVm().selectionProperty().get())).isInstanceOf(Selection.OfAnomaly.class);
        @SuppressWarnings("unchecked")
        ListView<Alert> alerts = robot.lookup("#oncall-alerts").queryAs(ListView.class);
        FxWait.onFx(() -> {
            alerts.getSelectionModel().select(0);
            return null;
        });
        FxWait.onFx(() -> {
            session.anomaliesVm().applyEvent(openAnomaly(t, 3)); // the open anomaly moves on
            return null;
        });
        assertThat(FxWait.onFx(() -> session.anomaliesVm().selectedProperty().get().metrics())).as("the update applied")
                .hasSize(3);
        assertThat(FxWait.onFx(() -> session.oncallVm().selectionProperty().get())).as("still the alert")
                .isInstanceOf(Selection.OfAlert.class);
        Clicks.on(robot, "#oncall-acknowledge");
        FxWait.until("the alert acknowledged on the agent", 10, () -> {
            try (AgentClient viewer = AgentClient.create(agent.url(), ScenarioAgent.VIEWER_TOKEN)) {
                Alert a = viewer.alerts("firing", "web-1", null).alerts().getFirst();
                return a.acknowledged() != null && a.acknowledged().by().equals("operator");
            }
        });
        assertThat(FxWait.onFx(() -> session.anomaliesVm().selectedProperty().get().acknowledged())).as("the anomaly not")
                .isNull();
        // a click on the anomaly's row, still selected in the table, makes it what Acknowledge acts on again
        // at the place of the row that shows it, measured on the JavaFX thread: the open anomaly is updated every second and
        // the table may hand that row's cell node to another row (or keep it aside) meanwhile, so a click that follows the
        // node (or takes the first row cell in the scene graph) landed in the detail below the rows
        javafx.geometry.Point2D rowCentre = FxWait.onFx(() -> robot.lookup("#anomaly-table .table-row-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof Anomaly a
                        && a.id().equals("an-oncall"))
                .findFirst().map(n -> n.localToScreen(n.getBoundsInLocal()))
                .map(b -> new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()))
                .orElseThrow(() -> new AssertionError("no row shows the anomaly")));
        robot.clickOn(rowCentre);
        FxWait.until("the anomaly picked again", 20, () -> session.oncallVm().selectionProperty().get()
                instanceof Selection.OfAnomaly s && s.anomaly().id().equals("an-oncall"));
    }

    private static Anomaly openAnomaly(Instant t, int metrics) {
        List<String> names = List.of("cpu", "load1", "mem").subList(0, metrics);
        return new Anomaly("an-oncall", "web-1", t, Instant.now(), null, 0.9, Severity.CRITICAL, names,
                names.stream().map(m -> new Contributor(m, 90, 30, 6, m + " moved")).toList(), String.join(", ", names));
    }
}
