package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
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
import io.smartcloudops.console.testing.Png;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The anomaly detail's buttons while an engineer acts on the incident at 1024x700: Scale up run for real (against a
 * loopback server speaking Auto Scaling's wire protocol) starts the host's cooldown, and the reason under the buttons
 * says so. No button moves: the reason sat between Scale up's row and the verdict's, so "A request is in flight..."
 * and then the cooldown's line pushed "Not an anomaly..." and "Confirm..." down under the pointer.
 */
@ExtendWith(ApplicationExtension.class)
class DetailButtonsLiveTest {

    private static final List<String> BUTTONS = List.of("#anomaly-scale-up", "#anomaly-restart", "#anomaly-false-alarm",
            "#anomaly-confirm", "#anomaly-undo-verdict");

    private Path tmp;
    private FakeAws aws;
    private ScenarioAgent agent;
    private Stage stage;
    private ConsoleSession session;

    @Start
    void start(Stage s) {
        this.stage = s;
        s.setScene(new Scene(new StackPane(), 1024, 700));
        s.setX(0);
        s.setY(0);
        s.setWidth(1024);
        s.setHeight(700);
        s.show();
    }

    @BeforeEach
    void startAgent() throws Exception {
        tmp = Files.createTempDirectory("sco-detail-buttons-test");
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", "test-secret-key-not-real");
        aws = new FakeAws();
        aws.on("DescribeAutoScalingGroups", FakeAws.always(Reply.xml(FakeAws.group("asg-web", 2, 4, 2))));
        aws.on("SetDesiredCapacity", FakeAws.always(Reply.xml(
                FakeAws.queryResponse("SetDesiredCapacity", FakeAws.AUTOSCALING_NS, null))));
        agent = new ScenarioAgent(tmp, 15).withYaml("""
                remediation:
                  enabled: true
                  executor: aws
                  allowed_units: [nginx]
                  cooldown: 10m
                  verification_delay: 0s
                  targets:
                    web-1: {auto_scaling_group: asg-web}
                aws:
                  region: eu-west-1
                  endpoints: {autoscaling: "%s"}
                  max_attempts: 1
                """.formatted(aws.endpoint())).start();
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
        aws.close();
    }

    @Test
    void noButtonMovesWhenScaleUpStartsItsCooldown(FxRobot robot) {
        FxWait.onFx(() -> {
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
            Instant start = Instant.now().minusSeconds(120);
            Contributor cpu = new Contributor("cpu", 95.9, 44.7, 9.8, "cpu 95.9% (expected 26.5%-62.9%)");
            session.anomaliesVm().applyEvent(new Anomaly("an-buttons", "web-1", start, Instant.now(), null, 0.93,
                    Severity.CRITICAL, List.of("cpu"), List.of(cpu), cpu.explanation()));
            session.anomaliesVm().selectedProperty().set(session.anomaliesVm().visible().getFirst());
            return null;
        });
        Label reason = robot.lookup("#anomaly-action-reason").queryAs(Label.class);
        FxWait.until("Scale up enabled for web-1", 15, () -> !robot.lookup("#anomaly-scale-up").query().isDisabled());
        layout();
        String reasonBefore = FxWait.onFx(reason::getText);
        double[] before = FxWait.onFx(this::buttonTops);

        Clicks.on(robot, "#anomaly-scale-up");
        FxWait.until("the confirm dialog for web-1", 10, () -> robot.lookup("#confirm-title").tryQuery()
                .map(t -> ((Label) t).getText().contains("web-1")).orElse(false));
        Clicks.on(robot, "#confirm-run");
        FxWait.until("Scale up cooling down", 20, () -> reason.getText().contains("Scale up: Cooling down"));
        layout();
        shot("anomaly-detail-cooldown-1024");

        assertThat(FxWait.onFx(reason::getText)).as("the reason grew by the cooldown's line").isNotEqualTo(reasonBefore);
        assertThat(FxWait.onFx(this::buttonTops)).as("the tops of %s before and after the cooldown's reason", BUTTONS)
                .containsExactly(before, within(0.5));
        assertThat(aws.calls("SetDesiredCapacity")).hasSize(1);
    }

    private double[] buttonTops() {
        return BUTTONS.stream().mapToDouble(id -> {
            Node b = stage.getScene().lookup(id);
            return b.localToScene(b.getLayoutBounds()).getMinY();
        }).toArray();
    }

    private void layout() {
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
