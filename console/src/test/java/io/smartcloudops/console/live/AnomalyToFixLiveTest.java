package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.testing.Clicks;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.LiveStage;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * From an anomaly to its fix in one step (issue 18, defects 5 and 6), against a real agent in dry-run mode:
 * the new anomaly is announced (a notification and a count on Anomalies), "Scale up..." under it opens the
 * confirm dialog for that host right there, and a host that cannot be scaled says what to configure.
 */
@ExtendWith(ApplicationExtension.class)
class AnomalyToFixLiveTest {

    private ScenarioAgent agent;
    private ConsoleSession session;

    @Start
    void start(Stage stage) throws Exception {
        Path tmp = Files.createTempDirectory("sco-anomaly-fix-test");
        agent = new ScenarioAgent(tmp, 15).withYaml("""
                remediation:
                  enabled: false
                  targets:
                    web-1: {auto_scaling_group: asg-web}
                    db-1: {}
                """).start();
        session = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false), Optional.empty(),
                ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), s -> { });
        LiveStage.show(stage, session);
    }

    @AfterEach
    void close() {
        FxWait.onFx(() -> {
            session.close();
            return null;
        });
        agent.close();
    }

    private static Anomaly anomaly(String id, String host) {
        Instant now = Instant.now();
        return new Anomaly(id, host, now.minusSeconds(60), now.minusSeconds(30), null, 0.9, Severity.CRITICAL, List.of("cpu"),
                List.of(new Contributor("cpu", 97.0, 30.0, 9.0)), "cpu 97.0% (baseline 30.0%)");
    }

    @Test
    void aNewAnomalyIsAnnouncedAndScaleUpOpensTheHostsConfirmDialog(FxRobot robot) {
        FxWait.until("the remediation options", 20, () -> session.remediationVm().optionsProperty().get() != null);
        Anomaly web = anomaly("a-web", "web-1");
        FxWait.onFx(() -> {
            session.anomaliesVm().applyEvent(web);
            return null;
        });
        FxWait.until("the notification", 20, () -> robot.lookup(".toast-error").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Critical anomaly on web-1: cpu (Ctrl+2)")));
        assertThat(FxWait.onFx(() -> robot.lookup("#nav-badge-anomalies").queryAs(Label.class).getText())).isEqualTo("1");

        Clicks.on(robot, "#nav-anomalies");
        FxWait.until("the badge cleared", 20, () -> !robot.lookup("#nav-badge-anomalies").query().isVisible());
        // seen: its notification goes at once rather than lying over the screen for its remaining seconds
        assertThat(FxWait.onFx(() -> robot.lookup(".toast-error").queryAll())).as("the anomaly's notification").isEmpty();
        FxWait.onFx(() -> {
            session.anomaliesVm().selectedProperty().set(web);
            return null;
        });
        FxWait.until("Scale up enabled for web-1", 15, () -> !robot.lookup("#anomaly-scale-up").query().isDisabled());
        Clicks.on(robot, "#anomaly-scale-up");
        FxWait.until("the confirm dialog over the Anomalies screen", 10,
                () -> robot.lookup("#confirm-title").tryQuery().isPresent());
        assertThat(FxWait.onFx(() -> robot.lookup("#confirm-title").queryAs(Label.class).getText()))
                .isEqualTo("Record a dry run of scale up on web-1?");
        assertThat(FxWait.onFx(() -> session.root().currentProperty().get())).isEqualTo(Screen.ANOMALIES);
        Clicks.on(robot, "#confirm-cancel");

        Anomaly db = anomaly("a-db", "db-1");
        FxWait.onFx(() -> {
            session.anomaliesVm().applyEvent(db);
            session.anomaliesVm().selectedProperty().set(db);
            return null;
        });
        FxWait.until("db-1's Scale up saying what to configure", 10, () -> {
            Button scale = robot.lookup("#anomaly-scale-up").queryAs(Button.class);
            return scale.isDisabled() && scale.getText().equals("Scale up (configure first)")
                    && robot.lookup("#anomaly-action-reason").queryAs(Label.class).getText()
                    .contains("remediation.targets.db-1.auto_scaling_group");
        });
    }
}
