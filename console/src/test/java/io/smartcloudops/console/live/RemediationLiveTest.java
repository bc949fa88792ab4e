package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.LogQuery;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.testing.Clicks;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
 * One-click remediation through the console against a real agent whose Auto Scaling calls go to a
 * local server speaking Auto Scaling's wire protocol: an operator's Scale up shows the plan (a preview the
 * agent neither runs nor records), runs once after Confirm (one SetDesiredCapacity, one finished audit
 * record) and reports success; a viewer's
 * button is disabled with the reason and nothing is sent.
 */
@ExtendWith(ApplicationExtension.class)
class RemediationLiveTest {

    private Path tmp;
    private FakeAws aws;
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
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", "test-secret-key-not-real");
        tmp = Files.createTempDirectory("sco-remediation-test");
        aws = new FakeAws();
        aws.then("DescribeAutoScalingGroups", Reply.xml(FakeAws.group("asg-web", 2, 4, 2)))
                .on("DescribeAutoScalingGroups", FakeAws.always(Reply.xml(FakeAws.group("asg-web", 3, 4, 3))));
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

    private void open(String token) {
        session = FxWait.onFx(() -> {
            ConsoleSession s = new ConsoleSession(new AgentEndpoint(agent.url(), token, false), Optional.empty(),
                    ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                    new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), x -> { });
            s.install(stage.getScene());
            s.start();
            return s;
        });
    }

    /** The audit log's "finished" records of scale_up on web-1: real runs, or (dryRun) previews. */
    private List<AuditRecord> finishedScaleUps(boolean dryRun) {
        try (AgentClient viewer = AgentClient.create(agent.url(), ScenarioAgent.VIEWER_TOKEN)) {
            return viewer.logs(LogQuery.since("1h").action(ActionType.SCALE_UP).instance("web-1").limit(100)).records().stream()
                    .filter(r -> r.event() == AuditEvent.FINISHED && r.dryRun() == dryRun).toList();
        }
    }

    @Test
    void scaleUpShowsThePlanRunsOnceAfterConfirmAndNotifiesSuccess(FxRobot robot) {
        open(ScenarioAgent.OPERATOR_TOKEN);
        Clicks.on(robot, "#nav-remediation");
        FxWait.until("Scale up enabled for web-1", 15, () -> robot.lookup("#scale-up-web-1").tryQuery()
                .map(b -> !b.isDisabled()).orElse(false));
        Clicks.on(robot, "#scale-up-web-1");
        FxWait.until("the confirm dialog with the plan", 10, () -> robot.lookup("#confirm-plan").tryQuery().isPresent());
        String plan = FxWait.onFx(() -> robot.lookup("#confirm-plan").queryAs(TextArea.class).getText());
        assertThat(plan).contains("asg-web");
        assertThat(FxWait.onFx(() -> robot.lookup("#confirm-title").queryAs(Label.class).getText()))
                .as("remediation is enabled: the dialog says it runs for real").isEqualTo("Run scale up on web-1?");
        assertThat(FxWait.onFx(() -> robot.lookup("#confirm-run").queryAs(Button.class).getText())).isEqualTo("Run");
        assertThat(aws.calls("SetDesiredCapacity")).as("nothing runs before Confirm").isEmpty();

        Clicks.on(robot, "#confirm-run");
        FxWait.until("the success notification", 15, () -> robot.lookup(".toast-success").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("scale up on web-1: succeeded")));
        assertThat(aws.calls("SetDesiredCapacity")).hasSize(1);
        assertThat(FakeAws.values(aws.calls("SetDesiredCapacity"), "DesiredCapacity")).containsExactly("3");
        FxWait.until("the finished audit record", 10, () -> finishedScaleUps(false).size() == 1);
        assertThat(finishedScaleUps(true)).as("the preview leaves no trace in the audit log").isEmpty();
        assertThat(finishedScaleUps(false)).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(AuditResult.SUCCESS);
            assertThat(r.trigger()).isEqualTo(Trigger.OPERATOR);
            assertThat(r.idempotencyKey()).isNotBlank();
        });
        FxWait.until("a remediation marker on web-1's charts", 10, () -> {
            session.dashboardVm().selectedHostProperty().set("web-1");
            return session.dashboardVm().chartData(io.smartcloudops.console.dashboard.ChartSpec.DEFAULT.getFirst(), 100)
                    .markers().stream().anyMatch(m -> m.kind() == io.smartcloudops.console.dashboard.ChartMarker.Kind.REMEDIATION
                            && m.label().equals("scale up"));
        });
        FxWait.until("the cooldown shown on the button", 10, () -> {
            Button b = robot.lookup("#scale-up-web-1").queryAs(Button.class);
            Label reason = robot.lookup("#reason-web-1").queryAs(Label.class);
            return b.isDisabled() && reason.getText().contains("Cooling down: 9m");
        });
    }

    @Test
    void aViewerCannotScaleUpAndIsToldWhy(FxRobot robot) throws Exception {
        open(ScenarioAgent.VIEWER_TOKEN);
        Clicks.on(robot, "#nav-remediation");
        FxWait.until("the viewer reason on web-1", 15, () -> robot.lookup("#reason-web-1").tryQuery()
                .map(l -> ((Label) l).getText().contains("viewer token")).orElse(false));
        Node button = robot.lookup("#scale-up-web-1").query();
        assertThat(button.isDisabled()).isTrue();
        Clicks.on(robot, button);
        Thread.sleep(500);
        assertThat(robot.lookup("#confirm-overlay").tryQuery()).isEmpty();
        assertThat(aws.calls()).isEmpty();
        assertThat(finishedScaleUps(false)).isEmpty();
        assertThat(finishedScaleUps(true)).isEmpty();
    }
}
